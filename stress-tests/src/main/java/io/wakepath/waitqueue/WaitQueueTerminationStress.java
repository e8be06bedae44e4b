package io.wakepath.waitqueue;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * "This wakes up": a waiter blocked in wait_event is always woken by a wake_up issued after the condition was set,
 * whenever the two meet. The waiter may be anywhere in its wait when the signal comes: before its first check,
 * between queueing and re-checking, or asleep. STALE is the lost wakeup itself: the waiter never returns.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The wake issued after the condition was set ended the wait.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "The waiter sleeps on with the condition true: a lost wakeup.")
@State
public class WaitQueueTerminationStress {
    final WaitQueue queue = WaitQueueUnderTest.create();
    final AtomicInteger condition = new AtomicInteger();

    @Actor
    public void waiter() {
        queue.waitEvent(() -> condition.getAcquire() != 0);
    }

    @Signal
    public void waker() {
        condition.setRelease(1);                // publish, as a ring publishes its tail
        queue.wakeUp();
    }
}
