package com.example.wakepath;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A user's own Disruptor 4 {@link WaitStrategy}, lock-free: a consumer that finds the cursor short of its sequence
 * registers its thread, looks again, and parks; a publisher that signals unparks every registered thread. A control:
 * {@code check --target wait-strategy=} must find it clean.
 *
 * <pre>
 *   publisher                           consumer
 *   cursor.set(s)        (volatile)     waiters.add(me)      (CAS: volatile)
 *   for (t : waiters) unpark(t)         if (cursor < s) park()
 * </pre>
 * Both sides store then load with volatile accesses, so at least one sees the other (no store buffering): either the
 * consumer sees the new cursor, or the publisher sees the consumer registered and unparks it (an unpark before the
 * park makes the park return).
 */
public final class ParkingWaitStrategy implements WaitStrategy {
    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        if (cursor.get() < sequence) {
            Thread me = Thread.currentThread();
            waiters.add(me);
            try {
                while (cursor.get() < sequence) {
                    barrier.checkAlert();
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            } finally {
                waiters.remove(me);
            }
        }
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        for (Thread t : waiters) {
            LockSupport.unpark(t);
        }
    }
}
