package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A wake skipped when a counter says nobody waits: the "optimisation" counts sleepers only around the park, after the
 * condition was checked, and the waker trusts the count. A wake between the waiter's check and its count is lost.
 */
public class SleeperCountQueue extends ParkingWaitQueue {
    private final AtomicInteger sleepers = new AtomicInteger();

    @Override
    protected void parking(boolean parked) {
        if (parked) {
            sleepers.incrementAndGet();
        } else {
            sleepers.decrementAndGet();
        }
    }

    @Override
    public boolean hasSleeper() {
        VarHandle.fullFence();
        return sleepers.get() > 0;                      // BUG: a waiter between its check and its count is missed
    }
}
