package io.wakepath.poll;

import io.wakepath.core.Errno;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.wakepath.poll.PollEvents.EPOLLET;
import static io.wakepath.poll.PollEvents.EPOLLEXCLUSIVE;
import static io.wakepath.poll.PollEvents.EPOLLONESHOT;
import static io.wakepath.poll.PollEvents.POLLIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The epoll contract, for every correct strategy. */
@ParameterizedClass(name = "{0}")
@MethodSource("correct")
class EpollContractTest {
    private static final long MS = 1_000_000;

    private final Poll poll;
    private final Epoll epoll;
    private final TestPollable device;
    private final EpollEvent[] events = new EpollEvent[8];
    private final long[] buf = new long[64];

    EpollContractTest(PollStrategy strategy) {
        this.poll = strategy.create();
        this.epoll = poll.epollCreate();
        this.device = new TestPollable(poll, new KernelStyleWaitQueue());
    }

    static Stream<PollStrategy> correct() {
        return PollStrategies.REGISTRY.all().stream().filter(PollStrategy::correct);
    }

    private int waitNow() {
        return epoll.wait(events, events.length, 0);
    }

    // ---- control

    @Test
    void shouldAnswerControlErrorsAsTheSystemCallDoes() {
        assertEquals(0, epoll.add(device, POLLIN, 1));
        assertEquals(-Errno.EEXIST, epoll.add(device, POLLIN, 1));
        TestPollable other = new TestPollable(poll, new KernelStyleWaitQueue());
        assertEquals(-Errno.ENOENT, epoll.modify(other, POLLIN, 1));
        assertEquals(-Errno.ENOENT, epoll.delete(other));
        assertEquals(-Errno.EINVAL, epoll.add(other, POLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, 1));
        assertEquals(-Errno.EINVAL, epoll.add(other, 1 << 20, 1));
        assertEquals(-Errno.EINVAL, epoll.modify(device, POLLIN | EPOLLEXCLUSIVE, 1), "EXCLUSIVE cannot be asked by MOD");
        assertEquals(0, epoll.add(other, POLLIN | EPOLLEXCLUSIVE, 2));
        assertEquals(-Errno.EINVAL, epoll.modify(other, POLLIN, 2), "an EXCLUSIVE item cannot be modified");
        assertEquals(0, epoll.delete(device));
        assertEquals(-Errno.ENOENT, epoll.delete(device));
        assertThrows(IllegalArgumentException.class, () -> epoll.wait(events, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> epoll.wait(events, events.length + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> epoll.wait(events, 1, -2));
        assertThrows(NullPointerException.class, () -> epoll.add(null, POLLIN, 0));
    }

    @Test
    void shouldLeaveNoRegistrationBehindAfterDelete() {
        epoll.add(device, POLLIN, 1);
        assertTrue(device.queue().hasSleeper(), "the item registered its callback");
        epoll.delete(device);
        assertFalse(device.queue().hasSleeper());
        device.push(1);
        assertEquals(0, waitNow());
    }

    // ---- delivery

    @Test
    void shouldDeliverALevelTriggeredItemWhileItIsReady() {
        epoll.add(device, POLLIN, 42);
        device.push(1);
        assertEquals(1, waitNow());
        assertEquals(POLLIN, events[0].events(), "the ready events it asked for");
        assertEquals(42, events[0].data());
        assertEquals(1, waitNow(), "still ready: delivered again");
        device.read(buf);
        assertEquals(0, waitNow(), "drained: no longer delivered");
    }

    @Test
    void shouldDeliverAnEdgeTriggeredItemOncePerWake() {
        epoll.add(device, POLLIN | EPOLLET, 1);
        device.push(1);
        assertEquals(1, waitNow());
        assertEquals(0, waitNow(), "not re-armed although still readable");
        device.push(2);
        assertEquals(1, waitNow(), "a new wake re-arms it");
    }

    @Test
    void shouldStallAnEdgeTriggeredReaderThatDoesNotDrain() {
        epoll.add(device, POLLIN | EPOLLET, 1);
        device.push(1);
        device.push(2);
        assertEquals(1, epoll.wait(events, 1, -1));
        assertEquals(1, device.read(new long[1]), "reads one of two");
        assertEquals(0, epoll.wait(events, 1, 30 * MS), "data left, but no new edge: it stalls, as on Linux");
        assertTrue(device.readable());
    }

    @Test
    void shouldNeverStallAnEdgeTriggeredReaderThatDrainsUntilEagain() throws Exception {
        epoll.add(device, POLLIN | EPOLLET, 1);
        int total = 20_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                device.push(i);
                if (i % 64 == 0) {
                    Thread.yield();
                }
            }
        });
        producer.setDaemon(true);
        producer.start();
        long read = 0;
        long deadline = System.nanoTime() + Threads.LIMIT.toNanos();
        while (read < total) {
            assertTrue(System.nanoTime() < deadline, "stalled after " + read + " of " + total);
            if (epoll.wait(events, 1, 1_000 * MS) == 0) {
                continue;
            }
            int n;
            while ((n = device.read(buf)) > 0) {           // drain until EAGAIN
                read += n;
            }
            assertEquals(-Errno.EAGAIN, n);
        }
        producer.join(Threads.LIMIT);
        assertEquals(total, read);
    }

    @Test
    void shouldDisarmAOneshotItemUntilModified() {
        epoll.add(device, POLLIN | EPOLLONESHOT, 1);
        device.push(1);
        assertEquals(1, waitNow());
        device.push(2);
        assertEquals(0, waitNow(), "disarmed: new wakes deliver nothing");
        assertEquals(0, epoll.modify(device, POLLIN | EPOLLONESHOT, 9));
        assertEquals(1, waitNow(), "MOD re-arms it and finds it ready");
        assertEquals(9, events[0].data());
    }

    @Test
    void shouldDeliverNothingForAWakeWithoutReadiness() {
        epoll.add(device, POLLIN, 1);
        device.wakeWithoutEvent();
        assertEquals(0, epoll.wait(events, events.length, 20 * MS));
    }

    @Test
    void shouldPollAgainAtDelivery() {
        epoll.add(device, POLLIN, 1);
        device.push(1);
        device.read(buf);                                   // drained after the wake, before the wait
        assertEquals(0, waitNow(), "on the ready list, but not ready at delivery");
    }

    @Test
    void shouldDeliverAtMostMaxEventsAndKeepTheRest() {
        List<TestPollable> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestPollable d = new TestPollable(poll, new KernelStyleWaitQueue());
            epoll.add(d, POLLIN | EPOLLET, i);
            d.push(i);
            devices.add(d);
        }
        assertEquals(2, epoll.wait(events, 2, 0));
        assertEquals(1, waitNow(), "the third was kept for the next wait");
        assertEquals(2, events[0].data());
    }

    // ---- sleeping

    @Test
    void shouldWakeAWaitingThreadAndReturnZeroAtTheTimeout() throws Exception {
        epoll.add(device, POLLIN, 1);
        long start = System.nanoTime();
        assertEquals(0, epoll.wait(events, 1, 30 * MS));
        assertTrue(System.nanoTime() - start >= 30 * MS);
        Threads.Call call = new Threads.Call(() -> epoll.wait(events, 1, -1));
        Threads.awaitSleeping(call.thread);
        device.push(1);
        assertEquals(1, call.result());
    }

    @Test
    void shouldReturnEintrWhenInterrupted() throws Exception {
        Threads.Call call = new Threads.Call(() -> epoll.wait(new EpollEvent[1], 1, -1));
        Threads.awaitSleeping(call.thread);
        call.thread.interrupt();
        assertEquals(-Errno.EINTR, call.result());
    }

    @Test
    void shouldWakeOneOfSeveralThreadsWaitingOnOneInstanceForAnEdge() throws Exception {
        epoll.add(device, POLLIN | EPOLLET, 1);
        Threads.Call a = new Threads.Call(() -> epoll.wait(new EpollEvent[1], 1, -1));
        Threads.Call b = new Threads.Call(() -> epoll.wait(new EpollEvent[1], 1, -1));
        Threads.awaitSleeping(a.thread);
        Threads.awaitSleeping(b.thread);
        device.push(1);
        long deadline = System.nanoTime() + Threads.LIMIT.toNanos();
        while (!a.done() && !b.done() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(50);
        assertEquals(1, (a.done() ? 1 : 0) + (b.done() ? 1 : 0), "threads wait on an instance exclusively");
        device.push(2);
        assertEquals(1, a.result());
        assertEquals(1, b.result());
    }

    @Test
    void shouldWakeOneOrMoreOfTheInstancesWatchingExclusively() throws Exception {
        int instances = 4;
        List<Threads.Call> calls = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Epoll instance = poll.epollCreate();
            assertEquals(0, instance.add(device, POLLIN | EPOLLEXCLUSIVE, i));
            calls.add(new Threads.Call(() -> instance.wait(new EpollEvent[1], 1, -1)));
        }
        for (Threads.Call call : calls) {
            Threads.awaitSleeping(call.thread);
        }
        device.push(1);
        long deadline = System.nanoTime() + Threads.LIMIT.toNanos();
        while (calls.stream().noneMatch(Threads.Call::done) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(50);
        long woken = calls.stream().filter(Threads.Call::done).count();
        assertEquals(1, woken, "every instance had a waiter: the first exclusive registration takes the wake");
        for (int wake = 1; wake < instances; wake++) {
            device.push(wake);                             // each further wake releases one more instance
            long done = wake + 1;
            while (calls.stream().filter(Threads.Call::done).count() < done && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertEquals(done, calls.stream().filter(Threads.Call::done).count(), "one instance per wake");
        }
        for (Threads.Call call : calls) {
            assertEquals(1, call.result());
        }
    }

    @Test
    void shouldWakeEveryInstanceWatchingNonExclusively() throws Exception {
        List<Threads.Call> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Epoll instance = poll.epollCreate();
            instance.add(device, POLLIN, i);
            calls.add(new Threads.Call(() -> instance.wait(new EpollEvent[1], 1, -1)));
        }
        for (Threads.Call call : calls) {
            Threads.awaitSleeping(call.thread);
        }
        device.push(1);
        for (Threads.Call call : calls) {
            assertEquals(1, call.result());
        }
    }
}
