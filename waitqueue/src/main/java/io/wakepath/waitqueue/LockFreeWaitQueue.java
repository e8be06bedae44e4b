package io.wakepath.waitqueue;

import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * Entries in a lock-free deque ({@link ConcurrentLinkedDeque}: non-exclusive pushed at the head, exclusive appended
 * at the tail), waiters parked. Nothing is locked: a waker claims each sleeping entry by compare-and-set, so two
 * wakers walking at once never wake one entry twice and each still wakes its own number of exclusive entries; an
 * entry queued during a walk may be missed by it, which is safe because its waiter re-checks the condition after
 * queueing (the fence pairing of {@link WaitQueue}). Unlike the locked strategies, wake callbacks may run on two
 * wakers at once. Dequeueing a leaving waiter is a linear search.
 */
public final class LockFreeWaitQueue extends AbstractWaitQueue {
    private final ConcurrentLinkedDeque<WaitEntry> entries = new ConcurrentLinkedDeque<>();

    @Override
    protected void enqueue(WaitEntry entry) {
        if (entry.exclusive) {
            entries.addLast(entry);
        } else {
            entries.addFirst(entry);
        }
    }

    @Override
    protected void dequeue(WaitEntry entry) {
        entries.removeFirstOccurrence(entry);
    }

    @Override
    protected int wakeCommon(int nrExclusive, int key) {
        int woken = 0;
        int remaining = nrExclusive;
        for (Iterator<WaitEntry> it = entries.iterator(); it.hasNext(); ) {
            WaitEntry entry = it.next();
            int result = wakeEntry(entry, key);
            if (result < 0) {
                break;
            }
            if (result > 0) {
                woken++;
                if (entry.autoRemove) {
                    it.remove();
                }
                if (entry.exclusive && --remaining == 0) {
                    break;
                }
            }
        }
        return woken;
    }

    @Override
    protected boolean active() {
        return !entries.isEmpty();
    }

    @Override
    protected void unblock(WaitEntry entry) {
        LockSupport.unpark(entry.thread);
    }

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        return Parking.sleep(entry, timed, deadline, interruptible, this);
    }
}
