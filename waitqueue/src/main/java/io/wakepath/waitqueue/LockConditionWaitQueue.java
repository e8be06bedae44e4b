package io.wakepath.waitqueue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The list under a {@link ReentrantLock}, one {@link Condition} per waiting entry: a waker signals exactly the
 * threads whose entries it took, so no thundering herd (the {@code java.util.concurrent} answer to the monitor
 * strategy). Costs a condition object per wait round and the lock on both sides of every sleep.
 */
public final class LockConditionWaitQueue extends AbstractWaitQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final EntryList entries = new EntryList();

    @Override
    protected void enqueue(WaitEntry entry) {
        lock.lock();
        try {
            if (entry.thread != null) {
                entry.condition = lock.newCondition();
            }
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
        entry.condition.signal();          // wakeCommon holds the lock
    }

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        boolean swallowed = false;
        lock.lock();
        try {
            while (entry.waiting()) {
                long left = timed ? deadline - System.nanoTime() : 0;
                if (timed && left <= 0) {
                    break;
                }
                try {
                    if (timed) {
                        entry.condition.await(left, TimeUnit.NANOSECONDS);
                    } else {
                        entry.condition.await();
                    }
                } catch (InterruptedException e) {
                    if (interruptible) {
                        Thread.currentThread().interrupt();   // the caller's loop returns ERESTARTSYS
                        break;
                    }
                    swallowed = true;
                }
            }
        } finally {
            lock.unlock();
        }
        return swallowed;
    }
}
