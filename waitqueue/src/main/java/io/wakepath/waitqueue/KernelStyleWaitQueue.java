package io.wakepath.waitqueue;

import java.util.concurrent.locks.LockSupport;

/**
 * The kernel's own design: a spinlock-protected list of entries, a waiter that parks until a waker takes its entry
 * (a compare-and-set from WAITING to WOKEN, the task-state change of {@code try_to_wake_up}) and unparks it, and the
 * full fences of {@code set_current_state} and {@code wq_has_sleeper}. Wakers with nobody to wake never take the
 * lock. The reference strategy; the spin variants and the broken ones are built on it.
 */
public class KernelStyleWaitQueue extends AbstractWaitQueue {
    private final SpinLock lock = new SpinLock();
    private final EntryList entries = new EntryList();

    @Override
    protected final void enqueue(WaitEntry entry) {
        lock.lock();
        try {
            entries.add(entry);
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected final void dequeue(WaitEntry entry) {
        lock.lock();
        try {
            entries.remove(entry);
        } finally {
            lock.unlock();
        }
    }

    // The kernel's wake_q: threads taken under the lock are unparked after it is released, so that a woken waiter
    // (which takes the lock again to leave) does not find it held by a waker inside an unpark system call.
    private Thread[] deferred = new Thread[4];       // guarded by lock
    private int deferredCount;                       // guarded by lock
    private boolean deferring;                       // guarded by lock

    @Override
    protected final int wakeCommon(int nrExclusive, int key) {
        Thread single = null;
        Thread[] many = null;
        int woken;
        lock.lock();
        try {
            deferring = true;
            woken = entries.wake(nrExclusive, key, this);
            if (deferredCount == 1) {
                single = deferred[0];
            } else if (deferredCount > 1) {
                many = java.util.Arrays.copyOf(deferred, deferredCount);
            }
            java.util.Arrays.fill(deferred, 0, deferredCount, null);
            deferredCount = 0;
        } finally {
            deferring = false;
            lock.unlock();
        }
        if (single != null) {
            LockSupport.unpark(single);
        } else if (many != null) {
            for (Thread t : many) {
                LockSupport.unpark(t);
            }
        }
        return woken;
    }

    @Override
    protected final boolean active() {
        return entries.nonEmpty();
    }

    @Override
    protected void unblock(WaitEntry entry) {
        if (deferring) {                             // under the lock, in wakeCommon: unparked after the unlock
            if (deferredCount == deferred.length) {
                deferred = java.util.Arrays.copyOf(deferred, deferredCount * 2);
            }
            deferred[deferredCount++] = entry.thread;
        } else {
            LockSupport.unpark(entry.thread);
        }
    }

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        return Parking.sleep(entry, timed, deadline, interruptible, this);
    }
}
