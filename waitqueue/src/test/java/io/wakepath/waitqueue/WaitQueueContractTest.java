package io.wakepath.waitqueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of {@link WaitQueue}, for every correct strategy. The broken ones break it only under races, which
 * the jcstress catalogue and the model checker catch.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("correct")
class WaitQueueContractTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final long MS = 1_000_000;

    private final WaitQueueStrategy strategy;
    private final WaitQueue queue;
    private final List<String> wakes = new CopyOnWriteArrayList<>();

    WaitQueueContractTest(WaitQueueStrategy strategy) {
        this.strategy = strategy;
        this.queue = strategy.create();
    }

    static Stream<WaitQueueStrategy> correct() {
        return WaitQueueStrategies.REGISTRY.all().stream().filter(WaitQueueStrategy::correct);
    }

    /** A callback entry that records its wakes and answers {@code result}. */
    private WaitEntry callback(String name, boolean exclusive, int result) {
        return queue.add((entry, key) -> {
            wakes.add(name);
            return result;
        }, exclusive, true);
    }

    // ---- order and counts, observed through callback entries

    @Test
    void shouldWakeEveryNonExclusiveEntryThenOneExclusiveInKernelOrder() {
        callback("n1", false, 1);
        callback("x1", true, 1);
        callback("n2", false, 1);
        callback("x2", true, 1);
        callback("x3", true, 1);
        assertEquals(3, queue.wakeUp());
        assertEquals(List.of("n2", "n1", "x1"), wakes, "non-exclusive at the head (newest first), then the oldest exclusive");
        wakes.clear();
        assertEquals(1, queue.wakeUp());
        assertEquals(List.of("x2"), wakes, "woken entries were removed");
        wakes.clear();
        assertEquals(1, queue.wakeUpAll());
        assertEquals(List.of("x3"), wakes);
        assertFalse(queue.hasSleeper());
        assertEquals(0, queue.wakeUp());
    }

    @Test
    void shouldWakeNrExclusiveEntriesOnWakeUpNr() {
        for (int i = 1; i <= 4; i++) {
            callback("x" + i, true, 1);
        }
        assertEquals(2, queue.wakeUpNr(2));
        assertEquals(List.of("x1", "x2"), wakes);
        assertEquals(2, queue.wakeUpNr(0), "0 means all");
        assertThrows(IllegalArgumentException.class, () -> queue.wakeUpNr(-1));
    }

    @Test
    void shouldCountOnlyEffectiveExclusiveWakes() {
        callback("busy", true, 0);            // e.g. its thread is already running: not woken
        callback("x", true, 1);
        assertEquals(1, queue.wakeUp());
        assertEquals(List.of("busy", "x"), wakes, "the walk goes past an exclusive entry that was not woken");
        wakes.clear();
        queue.wakeUp();
        assertEquals(List.of("busy"), wakes, "an entry not woken stays queued");
    }

    @Test
    void shouldStopTheWalkWhenACallbackSaysSo() {
        callback("n1", false, 1);
        callback("stop", false, -1);
        queue.wakeUp();
        assertEquals(List.of("stop"), wakes);
    }

    @Test
    void shouldPassTheKeyOfAKeyedWakeToTheCallbacks() {
        AtomicInteger seen = new AtomicInteger(-1);
        queue.add((entry, key) -> {
            seen.set(key);
            return key == 0x41 ? 1 : 0;
        }, false, false);
        assertEquals(1, queue.wakeUpPoll(0x41));
        assertEquals(0x41, seen.get());
        assertEquals(0, queue.wakeUpPoll(0x04), "the callback filtered the key out");
        assertEquals(WaitQueue.NO_KEY, seen.get() == 0x04 ? WaitQueue.NO_KEY : -1);
    }

    @Test
    void shouldKeepAnEntryWithoutAutoRemovalUntilRemoved() {
        WaitEntry entry = queue.add((e, key) -> {
            wakes.add("kept");
            return 1;
        }, false, false);
        queue.wakeUp();
        queue.wakeUp();
        assertEquals(List.of("kept", "kept"), wakes);
        queue.remove(entry);
        assertFalse(queue.hasSleeper());
        queue.remove(entry);                  // removing twice does nothing
        assertEquals(0, queue.wakeUp());
    }

    // ---- sleeping threads

    @Test
    void shouldReturnAtOnceWhenTheConditionAlreadyHolds() {
        queue.waitEvent(() -> true);
        long left = queue.waitEventTimeout(() -> true, 5_000 * MS);
        assertTrue(left > 0 && left <= 5_000 * MS, "left " + left);
        assertFalse(queue.hasSleeper(), "nothing was queued");
    }

    @Test
    void shouldWakeEveryNonExclusiveWaiterOnWakeUp() throws Exception {
        AtomicBoolean flag = new AtomicBoolean();
        CountingCondition condition = new CountingCondition(flag::get);
        List<Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(Waiter.start(queue, q -> {
                q.waitEvent(condition);
                return 0;
            }));
        }
        condition.awaitQueued(3, LIMIT);
        flag.set(true);
        assertEquals(3, queue.wakeUp());
        for (Waiter w : waiters) {
            assertEquals(0, w.result(LIMIT));
        }
    }

    @Test
    void shouldWakeOneExclusiveWaiterPerWakeUp() throws Exception {
        AtomicInteger tokens = new AtomicInteger();
        CountingCondition takeToken = new CountingCondition(() -> take(tokens));
        List<Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiters.add(Waiter.start(queue, q -> {
                q.waitEventExclusive(takeToken);
                return 0;
            }));
        }
        takeToken.awaitQueued(3, LIMIT);
        tokens.set(1);
        assertEquals(1, queue.wakeUp());
        assertEquals(1, awaitDone(waiters, 1), "one token, one exclusive waiter");
        Thread.sleep(50);
        assertEquals(1, waiters.stream().filter(Waiter::done).count(), "the others sleep on");
        tokens.set(2);
        assertEquals(2, queue.wakeUpNr(2));
        for (Waiter w : waiters) {
            w.result(LIMIT);
        }
    }

    @Test
    void shouldReturnZeroWhenTheTimeoutExpiresWithTheConditionFalse() {
        long start = System.nanoTime();
        assertEquals(0, queue.waitEventTimeout(() -> false, 30 * MS));
        assertTrue(System.nanoTime() - start >= 30 * MS, "waited the whole timeout");
        assertFalse(queue.hasSleeper(), "the timed-out entry left the queue");
    }

    @Test
    void shouldReturnOneWhenTheConditionHoldsOnlyAtTheDeadline() {
        long deadline = System.nanoTime() + 20 * MS;
        assertEquals(1, queue.waitEventTimeout(() -> System.nanoTime() - deadline >= 0, 20 * MS));
    }

    @Test
    void shouldReturnTheTimeLeftWhenWokenInTime() throws Exception {
        AtomicBoolean flag = new AtomicBoolean();
        CountingCondition condition = new CountingCondition(flag::get);
        Waiter waiter = Waiter.start(queue, q -> q.waitEventTimeout(condition, 10_000 * MS));
        condition.awaitQueued(1, LIMIT);
        flag.set(true);
        queue.wakeUp();
        long left = waiter.result(LIMIT);
        assertTrue(left > 0 && left < 10_000 * MS, "left " + left);
    }

    @Test
    void shouldReturnErestartsysAndKeepTheInterruptStatusWhenInterrupted() throws Exception {
        CountingCondition never = new CountingCondition(() -> false);
        Waiter waiter = Waiter.start(queue, q -> q.waitEventInterruptible(never));
        never.awaitQueued(1, LIMIT);
        waiter.thread().interrupt();
        assertEquals(WaitQueue.ERESTARTSYS, waiter.result(LIMIT));
        assertTrue(waiter.interruptedAtEnd(), "the interrupt status is left set, as for a method that does not throw");
        assertFalse(queue.hasSleeper());
    }

    @Test
    void shouldKeepWaitingThroughAnInterruptWhenUninterruptible() throws Exception {
        AtomicBoolean flag = new AtomicBoolean();
        CountingCondition condition = new CountingCondition(flag::get);
        Waiter waiter = Waiter.start(queue, q -> {
            q.waitEvent(condition);
            return 0;
        });
        condition.awaitQueued(1, LIMIT);
        waiter.thread().interrupt();
        Thread.sleep(50);
        assertFalse(waiter.done(), "an uninterruptible wait ignores the interrupt");
        flag.set(true);
        queue.wakeUp();
        assertEquals(0, waiter.result(LIMIT));
        assertTrue(waiter.interruptedAtEnd(), "and restores it when it returns");
    }

    @Test
    void shouldNeverLoseAWakeWhenTheChosenExclusiveWaiterIsInterrupted() throws Exception {
        for (int round = 0; round < 20; round++) {
            WaitQueue q = strategy.create();
            AtomicInteger tokens = new AtomicInteger();
            CountingCondition first = new CountingCondition(() -> take(tokens));
            Waiter a = Waiter.start(q, wq -> wq.waitEventInterruptibleExclusive(first));
            first.awaitQueued(1, LIMIT);           // a is the first exclusive entry: the wake chooses it
            CountingCondition second = new CountingCondition(() -> take(tokens));
            Waiter b = Waiter.start(q, wq -> wq.waitEventInterruptibleExclusive(second));
            second.awaitQueued(1, LIMIT);
            tokens.set(1);
            q.wakeUp();
            a.thread().interrupt();                // usually lands before a runs again
            long resultA = a.result(LIMIT);
            if (resultA == 0) {
                assertTrue(b.thread().isAlive(), "a took the token; b sleeps on");
                b.thread().interrupt();
                assertEquals(WaitQueue.ERESTARTSYS, b.result(LIMIT));
            } else {
                assertEquals(WaitQueue.ERESTARTSYS, resultA);
                assertEquals(0, b.result(LIMIT), "a left without the token: the wake went on to b");
            }
        }
    }

    @Test
    void shouldReleaseAThousandVirtualThreadsWithWakeUpAll() throws Exception {
        assumeTrue(strategy.sleeps(), "a spinning waiter never yields its carrier: virtual threads cannot spin");
        assumeTrue(!(queue instanceof MonitorWaitQueue) || Runtime.version().feature() >= 24,
                "before JDK 24 a virtual thread in Object.wait pins its carrier (JEP 491)");
        AtomicBoolean flag = new AtomicBoolean();
        CountingCondition condition = new CountingCondition(flag::get);
        List<Waiter> waiters = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            waiters.add(Waiter.start(Thread.ofVirtual(), queue, q -> {
                q.waitEvent(condition);
                return 0;
            }));
        }
        condition.awaitQueued(1000, LIMIT);
        flag.set(true);
        long start = System.nanoTime();
        queue.wakeUpAll();
        for (Waiter w : waiters) {
            w.result(LIMIT);
        }
        assertTrue(System.nanoTime() - start < LIMIT.toNanos());
    }

    @Test
    void shouldBurnAlmostNoCpuWhileSleeping() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isCurrentThreadCpuTimeSupported());
        AtomicBoolean flag = new AtomicBoolean();
        CountingCondition condition = new CountingCondition(flag::get);
        Waiter waiter = Waiter.start(queue, q -> {
            q.waitEvent(condition);
            return 0;
        });
        condition.awaitQueued(1, LIMIT);
        Thread.sleep(20);                                  // past spin-then-park's spin
        long cpuBefore = mx.getThreadCpuTime(waiter.thread().threadId());
        Thread.sleep(300);
        long cpu = mx.getThreadCpuTime(waiter.thread().threadId()) - cpuBefore;
        flag.set(true);
        queue.wakeUp();
        waiter.result(LIMIT);
        if (strategy.sleeps()) {
            assertTrue(cpu < 30 * MS, strategy + " burned " + cpu / MS + " ms of CPU in 300 ms asleep");
        } else {
            assertTrue(cpu > 100 * MS, strategy + " is documented to spin, but burned only " + cpu / MS + " ms");
        }
    }

    // ---- helpers

    private static boolean take(AtomicInteger tokens) {
        int n;
        while ((n = tokens.get()) > 0) {
            if (tokens.compareAndSet(n, n - 1)) {
                return true;
            }
        }
        return false;
    }

    private static long awaitDone(List<Waiter> waiters, int count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        long done;
        while ((done = waiters.stream().filter(Waiter::done).count()) < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return done;
    }
}
