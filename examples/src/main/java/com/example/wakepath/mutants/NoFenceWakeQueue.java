package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;

/** A fence removed: the waker's has-sleeper check without {@code smp_mb} (store buffering: a lost wakeup). */
public class NoFenceWakeQueue extends ParkingWaitQueue {
    @Override
    public boolean hasSleeper() {
        return anyQueued();
    }
}
