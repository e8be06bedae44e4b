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
    final void enqueue(WaitEntry entry) {
        lock.lock();
        try {
            entries.add(entry);
        } finally {
            lock.unlock();
        }
    }

    @Override
    final void dequeue(WaitEntry entry) {
        lock.lock();
        try {
            entries.remove(entry);
        } finally {
            lock.unlock();
        }
    }

    @Override
    final int wakeCommon(int nrExclusive, int key) {
        lock.lock();
        try {
            return entries.wake(nrExclusive, key, this);
        } finally {
            lock.unlock();
        }
    }

    @Override
    final boolean active() {
        return entries.nonEmpty();
    }

    @Override
    void unblock(WaitEntry entry) {
        LockSupport.unpark(entry.thread);
    }

    @Override
    boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        return Parking.sleep(entry, timed, deadline, interruptible, this);
    }
}
