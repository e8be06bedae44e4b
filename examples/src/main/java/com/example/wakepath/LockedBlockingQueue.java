package com.example.wakepath;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A user's own bounded {@link BlockingQueue}, the textbook way: an array under one lock, a condition for takers and
 * one for putters, every state change signalled while the lock is held, every wait re-checked in a loop. A control:
 * {@code check --target blocking-queue=} must find it clean. Its two mutants ({@code mutants/}) each break one
 * property the checks name.
 *
 * @param <E> the elements
 */
public class LockedBlockingQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {
    protected final ReentrantLock lock = new ReentrantLock();
    protected final Condition notEmpty = lock.newCondition();
    protected final Condition notFull = lock.newCondition();
    private final Object[] items;
    private int head;
    protected volatile int count;                 // sv under the lock; lv by size() and by the mutants' fast paths

    public LockedBlockingQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, got " + capacity);
        }
        items = new Object[capacity];
    }

    /** Adds {@code e}; the lock is held and there is room. */
    protected final void enqueue(E e) {
        items[(head + count) % items.length] = e;
        count = count + 1;
        notEmpty.signal();
    }

    /**
     * For the mutants: reserves the slot the next element goes to and counts it (the lock is held and there is
     * room); the element is stored with {@link #store}. The queue itself never splits the two.
     */
    protected final int reserve() {
        int slot = (head + count) % items.length;
        count = count + 1;
        notEmpty.signal();
        return slot;
    }

    /** For the mutants: stores {@code e} in a slot {@link #reserve} gave. */
    protected final void store(int slot, E e) {
        items[slot] = e;
    }

    /** Removes the head; the lock is held and there is one. */
    @SuppressWarnings("unchecked")
    protected final E dequeue() {
        E e = (E) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        count = count - 1;
        notFull.signal();
        return e;
    }

    @Override
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        lock.lock();
        try {
            if (count == items.length) {
                return false;
            }
            enqueue(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(E e) throws InterruptedException {
        Objects.requireNonNull(e);
        lock.lockInterruptibly();
        try {
            while (count == items.length) {
                notFull.await();
            }
            enqueue(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(e);
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == items.length) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notFull.awaitNanos(nanos);
            }
            enqueue(e);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E poll() {
        lock.lock();
        try {
            return count == 0 ? null : dequeue();
        } finally {
            lock.unlock();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public E peek() {
        lock.lock();
        try {
            return count == 0 ? null : (E) items[head];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int remainingCapacity() {
        return items.length - count;
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        lock.lock();
        try {
            int n = 0;
            while (n < maxElements && count > 0) {
                c.add(dequeue());
                n++;
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** A snapshot, taken under the lock. */
    @Override
    @SuppressWarnings("unchecked")
    public Iterator<E> iterator() {
        lock.lock();
        try {
            List<E> snapshot = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                snapshot.add((E) items[(head + i) % items.length]);
            }
            return snapshot.iterator();
        } finally {
            lock.unlock();
        }
    }
}
