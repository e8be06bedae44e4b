package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;

/** A timed (or interrupted) exclusive waiter that swallows a wake: chosen, it leaves without handing it on. */
public class TimedSwallowQueue extends ParkingWaitQueue {
    @Override
    protected void handOn() {
        // the wake it was given dies with it
    }
}
