package com.example.wakepath.mutants;

import com.example.wakepath.LockedBlockingQueue;

/**
 * Mutant: {@code take()} looks at the count <em>before</em> taking the lock, and waits if it saw none. An offer that
 * lands between the look and the {@code await()} signals a condition nobody waits on yet: the taker sleeps with an
 * element in the queue. The classic lost wakeup of a condition checked outside its lock (the count is volatile, so it
 * is no data race: only the wakeup is lost).
 *
 * @param <E> the elements
 */
public class UnlockedLookBlockingQueue<E> extends LockedBlockingQueue<E> {
    public UnlockedLookBlockingQueue(int capacity) {
        super(capacity);
    }

    @Override
    public E take() throws InterruptedException {
        for (;;) {
            if (count == 0) {                        // BUG: looked at without the lock
                lock.lockInterruptibly();
                try {
                    notEmpty.await();                // an offer since the look signalled nobody
                } finally {
                    lock.unlock();
                }
            }
            lock.lockInterruptibly();
            try {
                if (count > 0) {
                    return dequeue();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
