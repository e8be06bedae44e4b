package com.example.wakepath.mutants;

import com.example.wakepath.ParkingWaitQueue;
import io.wakepath.waitqueue.WaitEntry;

import java.util.Deque;

/**
 * Newest waiter first ("its cache is still warm"): every entry, exclusive or not, goes to the head. A wake walks
 * from the head and stops after the first exclusive entry it wakes, so a non-exclusive waiter (a poller, a
 * wait_event reader) queued before an exclusive one is never reached: it sleeps through the wake.
 */
public class NewestFirstQueue extends ParkingWaitQueue {

    @Override
    protected void place(Deque<WaitEntry> queue, WaitEntry entry) {
        queue.addFirst(entry);
    }
}
