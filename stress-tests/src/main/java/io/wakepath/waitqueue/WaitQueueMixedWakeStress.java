package io.wakepath.waitqueue;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * Exclusive and non-exclusive entries on one queue (wait.h, __wake_up_common). Non-exclusive entries are queued at
 * the head and exclusive ones at the tail; a wake walks from the head, wakes every non-exclusive entry and stops after
 * nr exclusive entries it woke. So a wake_up reaches every non-exclusive entry however the entries arrived, and only
 * an *effective* wake (the entry's function returned > 0) counts against nr: an entry whose task is already running
 * takes nothing from the wake. The entries are wake functions that remove themselves when woken
 * (autoremove_wake_function), queued before the test; one actor wakes once while the other queues one more
 * non-exclusive entry (woken or not, by the order they ran in).
 *
 *   r1 = wakes the first non-exclusive entry N got, r2 = exclusive entries woken,
 *   r3 = what the wake returned minus the wakes the entries saw
 *
 * Waking more exclusive entries than asked is a thundering herd, not a lost wake: allowed (a strategy that wakes
 * every waiter, as a Disruptor wait strategy does, passes).
 */
public final class WaitQueueMixedWakeStress {

    private WaitQueueMixedWakeStress() {
    }

    /** Queued in this order: exclusive X1, non-exclusive N, exclusive X2; the wake must reach N and one of them. */
    @JCStressTest
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "N woken, and one exclusive entry.")
    @Outcome(id = "1, 2, 0", expect = ACCEPTABLE, desc = "N woken, and both exclusive entries: a herd, not a loss.")
    @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "N not woken: an exclusive entry stood before it, or the wake counted N against nr.")
    @Outcome(id = "1, 0, .*", expect = FORBIDDEN, desc = "No exclusive entry woken: the wake was spent on a non-exclusive one.")
    @Outcome(expect = FORBIDDEN, desc = "The wake's count unlike what it did, or an entry woken twice.")
    @State
    public static class Mixed {
        final WaitQueue queue = WaitQueueUnderTest.create();
        final Entries entries = new Entries();

        public Mixed() {
            queue.add(entries.exclusive, true, true);
            queue.add(entries.nonExclusive, false, true);
            queue.add(entries.exclusive, true, true);
        }

        @Actor
        public void waker() {
            entries.returned = queue.wakeUp();
        }

        @Actor
        public void newcomer() {
            queue.add(entries.late, false, true);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            entries.result(r);
        }
    }

    /**
     * Queued: non-exclusive N, then exclusive R whose task is running (its function returns 0, and it stays queued),
     * then exclusive X1 and X2. R takes nothing from the wake: one of X1, X2 is woken.
     */
    @JCStressTest
    @Outcome(id = "1, [12], 0", expect = ACCEPTABLE, desc = "R counted for nothing; an exclusive entry behind it woken.")
    @Outcome(id = "1, 0, .*", expect = FORBIDDEN, desc = "The wake counted R, whose task was running, against nr: every exclusive waiter sleeps on a wake that was spent.")
    @Outcome(expect = FORBIDDEN, desc = "N not woken exactly once, or the wake's count unlike what it did.")
    @State
    public static class Ineffective {
        final WaitQueue queue = WaitQueueUnderTest.create();
        final Entries entries = new Entries();

        public Ineffective() {
            queue.add(entries.nonExclusive, false, true);
            queue.add((entry, key) -> 0, true, true);
            queue.add(entries.exclusive, true, true);
            queue.add(entries.exclusive, true, true);
        }

        @Actor
        public void waker() {
            entries.returned = queue.wakeUp();
        }

        @Actor
        public void newcomer() {
            queue.add(entries.late, false, true);
        }

        @Arbiter
        public void arbiter(III_Result r) {
            entries.result(r);
        }
    }

    /** Wake functions that count their wakes and say "woken". */
    static final class Entries {
        final AtomicInteger nonExclusiveWakes = new AtomicInteger();
        final AtomicInteger exclusiveWakes = new AtomicInteger();
        final AtomicInteger lateWakes = new AtomicInteger();
        final WakeCallback nonExclusive = (entry, key) -> woken(nonExclusiveWakes);
        final WakeCallback exclusive = (entry, key) -> woken(exclusiveWakes);
        final WakeCallback late = (entry, key) -> woken(lateWakes);
        int returned;                                   // the waker's; read by the arbiter after both actors

        private static int woken(AtomicInteger count) {
            count.incrementAndGet();
            return 1;
        }

        void result(III_Result r) {
            r.r1 = nonExclusiveWakes.get();
            r.r2 = exclusiveWakes.get();
            r.r3 = returned - r.r1 - r.r2 - lateWakes.get();
        }
    }
}
