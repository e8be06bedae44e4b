package com.example.wakepath.mutants;

import com.example.wakepath.LockedBlockingQueue;

/**
 * Mutant: {@code take()} waits uninterruptibly, then, once it has dequeued an element, honours an interrupt that came
 * meanwhile by throwing {@code InterruptedException}: the element it dequeued is gone. {@code BlockingQueue}'s
 * contract (and every JDK queue) throws before removing anything.
 *
 * @param <E> the elements
 */
public class InterruptDropsBlockingQueue<E> extends LockedBlockingQueue<E> {
    public InterruptDropsBlockingQueue(int capacity) {
        super(capacity);
    }

    @Override
    public E take() throws InterruptedException {
        E e;
        lock.lock();
        try {
            while (count == 0) {
                notEmpty.awaitUninterruptibly();
            }
            e = dequeue();
        } finally {
            lock.unlock();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();        // BUG: e was dequeued, and is dropped here
        }
        return e;
    }
}
