package io.wakepath.waitqueue;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * The wake fast path is a store-buffering litmus. The waker publishes the condition (a release store, as a ring
 * publishes its tail) and asks whether anyone sleeps; the waiter queues itself (prepare_to_wait) and reads the
 * condition:
 *
 *   waker                           waiter
 *   condition = 1;   (release)      prepareToWait();   (queue + smp_mb)
 *   r1 = hasSleeper();              r2 = condition;
 *
 * "0, 0" means the waker found nobody to wake and the waiter read the old condition and would sleep: a lost wakeup.
 * The waiter stays queued until the arbiter, as a sleeping waiter would.
 * hasSleeper must put a full fence between the condition store and its look at the queue (wq_has_sleeper), and
 * the waiter one between queueing and reading (set_current_state). broken-unfenced-wake drops the first.
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Each side saw the other.")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The waker saw the sleeper and wakes it; the waiter read the old condition.")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The waiter saw the condition and does not sleep; the waker found nobody.")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "Both missed: nobody to wake, and the waiter sleeps on the old condition: lost wakeup.")
@State
public class WaitQueueStoreBufferingStress {
    final WaitQueue queue = WaitQueueUnderTest.create();
    final AtomicInteger condition = new AtomicInteger();

    @Actor
    public void waker(II_Result r) {
        condition.setRelease(1);
        r.r1 = queue.hasSleeper() ? 1 : 0;
    }

    WaitEntry entry;

    @Actor
    public void waiter(II_Result r) {
        entry = queue.prepareToWait(false);
        r.r2 = condition.getAcquire();     // 0: this waiter would now sleep, and stays queued
    }

    @Arbiter
    public void leave() {
        queue.finishWait(entry);                     // only once both sides are done: a sleeper stays queued
    }
}
