package io.wakepath.waitqueue;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test-and-test-and-set lock, the wait-queue head's {@code spinlock_t}: critical sections are a few list
 * operations and never block. A holder can be descheduled (Java cannot disable preemption), so a spinner yields
 * after a while instead of burning its time slice.
 */
final class SpinLock {
    private static final int SPINS_BEFORE_YIELD = 128;
    private final AtomicBoolean held = new AtomicBoolean();

    void lock() {
        int spins = 0;
        while (held.get() || !held.compareAndSet(false, true)) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    void unlock() {
        held.setRelease(false);
    }
}
