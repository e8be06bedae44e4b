package io.wakepath.waitqueue;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link KernelStyleWaitQueue} whose waiter spins before it parks, for a window that adapts to how long its waits
 * last, as the kernel's haltpoll cpuidle governor adapts its poll window ({@code drivers/cpuidle/governors/haltpoll.c}):
 * a wait that outlasted the window but not {@value #MAX_WINDOW_NANOS} ns doubles it (a longer spin would have caught
 * it), a wait longer than that halves it (spinning is wasted there), starting from {@value #START_WINDOW_NANOS} ns. So
 * wakes that follow waits closely are caught without a context switch, while an idle queue costs one short spin and
 * then nothing. One waiter spins at a time (the others park at once), so spinning never takes more than one CPU.
 */
public final class SpinThenParkWaitQueue extends KernelStyleWaitQueue {
    static final long START_WINDOW_NANOS = 20_000;
    static final long MAX_WINDOW_NANOS = 1_000_000;

    private final AtomicBoolean spinnerPresent = new AtomicBoolean();
    private volatile long windowNanos = START_WINDOW_NANOS;       // racy updates are fine: a heuristic

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        long start = System.nanoTime();
        long window = windowNanos;
        if (spinnerPresent.compareAndSet(false, true)) {
            try {
                while (entry.waiting() && System.nanoTime() - start < window) {
                    if ((interruptible && Thread.currentThread().isInterrupted())
                            || (timed && deadline - System.nanoTime() <= 0)) {
                        return false;
                    }
                    Thread.onSpinWait();
                }
            } finally {
                spinnerPresent.set(false);
            }
            if (!entry.waiting()) {
                return false;                                    // caught while spinning: the window is right
            }
        }
        boolean swallowed = super.sleep(entry, timed, deadline, interruptible);
        adapt(System.nanoTime() - start, window);
        return swallowed;
    }

    /** haltpoll's rule: grow when a wait outlasted the window but not the maximum, shrink when it outlasted both. */
    private void adapt(long waitedNanos, long window) {
        if (waitedNanos > window && waitedNanos <= MAX_WINDOW_NANOS) {
            windowNanos = Math.min(MAX_WINDOW_NANOS, Math.max(START_WINDOW_NANOS, window * 2));
        } else if (waitedNanos > MAX_WINDOW_NANOS) {
            windowNanos = Math.max(START_WINDOW_NANOS, window / 2);
        }
    }

    @Override
    public String toString() {
        return "SpinThenParkWaitQueue[window " + windowNanos + " ns]";
    }
}
