package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;
import io.wakepath.waitqueue.WaitEntry;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An interrupted exclusive waiter that swallows a wake, written differently from the registered
 * {@code broken-exclusive-bail}: its sleep loop asks "was I woken?" and then "was I interrupted?", and on an interrupt
 * it leaves at once. A waker that takes its entry between the two questions has spent the one exclusive wake on a
 * waiter that returns {@code ERESTARTSYS} without looking at the condition or passing the wake on; the other exclusive
 * waiters sleep with the condition true.
 */
public class InterruptRaceQueue extends ParkingWaitQueue {
    @Override
    public long wait(BooleanSupplier condition, boolean exclusive, boolean interruptible, long timeoutNanos) {
        if (!interruptible || timeoutNanos != UNTIMED) {
            return super.wait(condition, exclusive, interruptible, timeoutNanos);
        }
        for (;;) {
            if (condition.getAsBoolean()) {
                return 0;
            }
            WaitEntry entry = prepareToWait(exclusive);
            if (condition.getAsBoolean()) {
                finishWait(entry);
                return 0;
            }
            while (entry.waiting()) {
                if (Thread.currentThread().isInterrupted()) {
                    finishWait(entry);                          // a waker may have taken the entry meanwhile
                    return ERESTARTSYS;
                }
                LockSupport.park(this);
            }
            // woken: go round and look at the condition
        }
    }
}
