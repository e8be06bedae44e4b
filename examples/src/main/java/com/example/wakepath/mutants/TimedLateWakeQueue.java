package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;
import io.wakepath.waitqueue.WaitEntry;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A timed waiter that loses a wake: the untimed waits are {@link ParkingWaitQueue}'s, but the timed one was written
 * apart, "simpler": look at the condition, announce the waiter, sleep until woken or the deadline. It never looks
 * again after announcing itself, so a wake issued between its look and its announcement finds nobody: the waiter
 * sleeps to its deadline and returns the legal "true at the deadline" although the condition held almost the whole
 * time.
 */
public class TimedLateWakeQueue extends ParkingWaitQueue {
    @Override
    public long wait(BooleanSupplier condition, boolean exclusive, boolean interruptible, long timeoutNanos) {
        if (timeoutNanos == UNTIMED) {
            return super.wait(condition, exclusive, interruptible, timeoutNanos);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        for (;;) {
            if (condition.getAsBoolean()) {
                return Math.max(1, deadline - System.nanoTime());
            }
            WaitEntry entry = prepareToWait(exclusive);          // announced: wakes find it from now on
            boolean interrupted = false;
            while (entry.waiting()) {
                interrupted = interruptible && Thread.currentThread().isInterrupted();
                long left = deadline - System.nanoTime();
                if (interrupted || left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
            boolean chosen = !entry.claimForExit();
            if (!chosen) {
                remove(entry);
            }
            if (chosen) {
                continue;                                       // woken: look again
            }
            if (condition.getAsBoolean()) {
                return 1;                                       // true at the deadline
            }
            return interrupted ? ERESTARTSYS : 0;
        }
    }
}
