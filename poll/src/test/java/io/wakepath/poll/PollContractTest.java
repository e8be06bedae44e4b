package io.wakepath.poll;

import io.wakepath.core.Errno;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
import io.wakepath.waitqueue.WaitQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.wakepath.poll.PollEvents.IN;
import static io.wakepath.poll.PollEvents.OUT;
import static io.wakepath.poll.PollEvents.POLLERR;
import static io.wakepath.poll.PollEvents.POLLHUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code .poll} contract and poll(2), for every correct strategy. */
@ParameterizedClass(name = "{0}")
@MethodSource("correct")
class PollContractTest {
    private static final long MS = 1_000_000;

    private final Poll poll;
    private final TestPollable device;

    PollContractTest(PollStrategy strategy) {
        this.poll = strategy.create();
        this.device = new TestPollable(poll, new KernelStyleWaitQueue());
    }

    static Stream<PollStrategy> correct() {
        return PollStrategies.REGISTRY.all().stream().filter(PollStrategy::correct);
    }

    private static final class RecordingTable extends PollTable {
        final List<WaitQueue> queues = new ArrayList<>();

        RecordingTable() {
            super(IN);
        }

        @Override
        public void wait(WaitQueue queue) {
            queues.add(queue);
        }
    }

    @Test
    void shouldRegisterOnItsQueueThenReportTheCurrentMask() {
        RecordingTable table = new RecordingTable();
        assertEquals(0, device.poll(table));
        assertEquals(List.of(device.queue()), table.queues);
        device.push(1);
        assertEquals(IN, device.poll(PollTable.NONE));
        device.setWritable(true);
        assertEquals(IN | OUT, device.poll(PollTable.NONE));
    }

    @Test
    void shouldNeverReportHupTogetherWithOut() {
        device.setWritable(true);
        device.hangUp();
        int mask = device.poll(PollTable.NONE);
        assertEquals(POLLHUP, mask & (POLLHUP | OUT));
    }

    @Test
    void shouldAlwaysReportErrAndHupEvenWhenNotAskedFor() {
        device.setError();
        PollFd fd = new PollFd(device, OUT);
        assertEquals(1, poll.poll(new PollFd[] {fd}, 0));
        assertEquals(POLLERR, fd.revents());
    }

    @Test
    void shouldReturnAtOnceWhenAnEntryIsReady() {
        device.push(1);
        PollFd fd = new PollFd(device, IN);
        assertEquals(1, poll.poll(new PollFd[] {fd}, -1));
        assertEquals(IN, fd.revents());
        assertFalse(device.queue().hasSleeper(), "the registrations left with the call");
    }

    @Test
    void shouldReturnZeroAtTheTimeout() {
        PollFd fd = new PollFd(device, IN);
        assertEquals(0, poll.poll(new PollFd[] {fd}, 0));
        long start = System.nanoTime();
        assertEquals(0, poll.poll(new PollFd[] {fd}, 30 * MS));
        assertTrue(System.nanoTime() - start >= 30 * MS);
        assertEquals(0, fd.revents());
    }

    @Test
    void shouldSleepUntilAWakeThenPollAgain() throws Exception {
        PollFd fd = new PollFd(device, IN);
        Threads.Call call = new Threads.Call(() -> poll.poll(new PollFd[] {fd}, -1));
        Threads.awaitSleeping(call.thread);
        device.push(7);
        assertEquals(1, call.result());
        assertEquals(IN, fd.revents());
        assertFalse(device.queue().hasSleeper());
    }

    @Test
    void shouldSleepOnAfterAWakeThatLeavesNothingReady() throws Exception {
        PollFd fd = new PollFd(device, IN);
        Threads.Call call = new Threads.Call(() -> poll.poll(new PollFd[] {fd}, 10_000 * MS));
        Threads.awaitSleeping(call.thread);
        device.wakeWithoutEvent();
        Thread.sleep(50);
        Threads.awaitSleeping(call.thread);
        assertFalse(call.done(), "a wake without readiness leads to another sleep");
        device.push(1);
        assertEquals(1, call.result());
    }

    @Test
    void shouldIgnoreAWakeForEventsItDidNotAskFor() throws Exception {
        PollFd fd = new PollFd(device, IN);
        Threads.Call call = new Threads.Call(() -> poll.poll(new PollFd[] {fd}, 10_000 * MS));
        Threads.awaitSleeping(call.thread);
        device.setWritable(true);                          // a keyed wake with OUT
        Thread.sleep(50);
        assertFalse(call.done());
        device.push(1);
        assertEquals(1, call.result());
    }

    @Test
    void shouldReportOnlyTheEntriesThatAreReady() throws Exception {
        TestPollable other = new TestPollable(poll, new KernelStyleWaitQueue());
        PollFd first = new PollFd(device, IN);
        PollFd second = new PollFd(other, IN);
        Threads.Call call = new Threads.Call(() -> poll.poll(new PollFd[] {first, second}, -1));
        Threads.awaitSleeping(call.thread);
        other.push(1);
        assertEquals(1, call.result());
        assertEquals(0, first.revents());
        assertEquals(IN, second.revents());
        assertFalse(device.queue().hasSleeper() || other.queue().hasSleeper());
    }

    @Test
    void shouldReturnEintrWhenInterrupted() throws Exception {
        PollFd fd = new PollFd(device, IN);
        Threads.Call call = new Threads.Call(() -> poll.poll(new PollFd[] {fd}, -1));
        Threads.awaitSleeping(call.thread);
        call.thread.interrupt();
        assertEquals(-Errno.EINTR, call.result());
    }

    @Test
    void shouldRefuseBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new PollFd(device, 1 << 20));
        assertThrows(NullPointerException.class, () -> new PollFd(null, IN));
        assertThrows(IllegalArgumentException.class, () -> poll.poll(new PollFd[] {new PollFd(device, IN)}, -5));
        assertThrows(NullPointerException.class, () -> poll.poll(null, 0));
    }
}
