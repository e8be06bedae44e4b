package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;
import io.wakepath.waitqueue.WaitEntry;

/**
 * {@code wake_up_nr(n)} read as "wake n entries": every woken entry counts against n, non-exclusive ones too. With a
 * poller (non-exclusive, at the head) on the queue, {@code wake_up} wakes the poller and stops: the exclusive
 * reader behind it sleeps with data to read.
 */
public class CountEveryWakeQueue extends ParkingWaitQueue {

    @Override
    protected boolean countsAgainstNr(WaitEntry entry, int result) {
        return result > 0;
    }
}
