package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;

/**
 * A timed (or interrupted) waiter that swallows a wake: once its time is up it leaves without a last look at the
 * condition, even when a wake chose it, so the event that wake announced sits unread while the other exclusive
 * waiters sleep. (Only skipping the hand-on is not a bug here: the last look consumes the event.)
 */
public class TimedSwallowQueue extends ParkingWaitQueue {
    @Override
    protected boolean leavesWithoutLooking(boolean chosen) {
        return chosen;
    }
}
