package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;
import io.wakepath.waitqueue.WaitEntry;

/**
 * Counts an exclusive entry against the wake's number whether or not the wake took effect: an entry whose task is
 * already running (leaving on a timeout or a signal, or a callback that declines) uses up the one exclusive wake,
 * and the exclusive waiter behind it sleeps.
 */
public class SpentOnRunningQueue extends ParkingWaitQueue {

    @Override
    protected boolean countsAgainstNr(WaitEntry entry, int result) {
        return entry.exclusive();
    }
}
