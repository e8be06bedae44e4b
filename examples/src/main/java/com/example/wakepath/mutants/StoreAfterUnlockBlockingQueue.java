package com.example.wakepath.mutants;

import com.example.wakepath.LockedBlockingQueue;

import java.util.Objects;

/**
 * A critical section made shorter: {@code offer} reserves its slot and counts the element under the lock, then
 * stores the element after unlocking ("the slot is ours now"). A taker that sees the count can take the slot before
 * the store: it gets {@code null} (or, a lap later, the store lands in a slot already taken and the element is
 * lost). No lock orders the store with the taker's read: the element is not published.
 *
 * @param <E> the elements
 */
public class StoreAfterUnlockBlockingQueue<E> extends LockedBlockingQueue<E> {
    public StoreAfterUnlockBlockingQueue(int capacity) {
        super(capacity);
    }

    @Override
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        int slot;
        lock.lock();
        try {
            if (remainingCapacity() == 0) {
                return false;
            }
            slot = reserve();
        } finally {
            lock.unlock();
        }
        store(slot, e);                              // BUG: after the unlock
        return true;
    }
}
