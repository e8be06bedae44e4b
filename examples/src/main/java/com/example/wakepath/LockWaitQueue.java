package com.example.wakepath;

import io.wakepath.waitqueue.AbstractWaitQueue;
import io.wakepath.waitqueue.EntryList;
import io.wakepath.waitqueue.Parking;
import io.wakepath.waitqueue.WaitEntry;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A user's wait queue on wakepath's supported base class: only the mechanism is written here (a lock around the
 * kernel's entry list, park/unpark), the wait loop, its fences, timeouts, interrupts and exclusive hand-offs are
 * {@link AbstractWaitQueue}'s. A control: {@code check --target waitqueue=} must find it clean.
 */
public final class LockWaitQueue extends AbstractWaitQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final EntryList entries = new EntryList();

    @Override
    protected void enqueue(WaitEntry entry) {
        lock.lock();
        try {
            entries.add(entry);
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void dequeue(WaitEntry entry) {
        lock.lock();
        try {
            entries.remove(entry);
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected int wakeCommon(int nrExclusive, int key) {
        lock.lock();
        try {
            return entries.wake(nrExclusive, key, this);
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected boolean active() {
        return entries.nonEmpty();
    }

    @Override
    protected void unblock(WaitEntry entry) {
        LockSupport.unpark(entry.thread());
    }

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        return Parking.sleep(entry, timed, deadline, interruptible, this);
    }
}
