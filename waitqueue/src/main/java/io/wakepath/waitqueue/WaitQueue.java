package io.wakepath.waitqueue;

import java.util.function.BooleanSupplier;

/**
 * A kernel-style wait queue ({@code include/linux/wait.h}).
 *
 * <h2>Waiting</h2>
 * {@link #wait} is {@code ___wait_event}: the condition is checked first; then the calling thread queues an entry,
 * makes it visible with a full fence ({@code set_current_state}), re-checks the condition, and sleeps until woken,
 * re-checking after every wake. A spurious wake is harmless. The kernel's names are the default methods:
 * <pre>{@code
 * wq.waitEvent(() -> ring.size() > 0);                                     // wait_event
 * if (wq.waitEventInterruptible(ready) == WaitQueue.ERESTARTSYS) ...       // wait_event_interruptible
 * long left = wq.waitEventTimeout(ready, 1_000_000);                       // wait_event_timeout: 0, 1, or nanos left
 * }</pre>
 * Interruption is {@link Thread#interrupt()}: an interruptible wait returns {@link #ERESTARTSYS} (unless the
 * condition holds) and leaves the thread's interrupt status set; an uninterruptible one keeps waiting and restores
 * the status when it returns. Waiters may be platform or virtual threads.
 *
 * <h2>Waking</h2>
 * The waker makes the condition true <em>first</em>, then calls {@link #wakeUp()}. Non-exclusive entries sit at the
 * head, exclusive ones at the tail in arrival order; a wake walks from the head, waking every non-exclusive entry and
 * {@code nr} <em>effective</em> exclusive ones (an entry whose thread is already running does not count). Woken
 * sleeping entries are removed.
 *
 * <h2>Happens-before</h2>
 * Everything a waker did before {@code wakeUp()} happens-before the return of every wait that wake ended. A wake
 * issued after the condition was made true is never lost: the waker's fast path ({@link #hasSleeper}) and the
 * waiter's registration each carry a full fence, so at least one of them sees the other:
 * <pre>
 *   waker                          waiter
 *   condition = true;              queue entry;           (prepareToWait)
 *   smp_mb();   (hasSleeper)       smp_mb();              (set_current_state)
 *   if (queue not empty) wake;     if (!condition) sleep;
 * </pre>
 * Without either fence both sides can miss (store buffering): the waiter sleeps and the wake is lost.
 */
public interface WaitQueue {
    /** The interrupted result of an interruptible wait (the kernel's -ERESTARTSYS). */
    int ERESTARTSYS = -512;
    /** The timeout of an untimed wait. */
    long UNTIMED = -1;
    /** The key of a wake that carries none. */
    int NO_KEY = 0;

    /**
     * Waits until {@code condition} holds ({@code ___wait_event}).
     *
     * @param condition    checked first and after every wake; must not block, and should be cheap
     * @param exclusive    queue at the tail and be woken one at a time
     * @param interruptible return {@link #ERESTARTSYS} when interrupted with the condition false
     * @param timeoutNanos {@link #UNTIMED}, or the longest time to wait (0 or more)
     * @return untimed: 0, or {@link #ERESTARTSYS}; timed: the nanoseconds left (at least 1) when the condition held
     * in time, 1 when it held only when re-checked at the deadline, 0 when it was false at the deadline, or
     * {@link #ERESTARTSYS}
     */
    long wait(BooleanSupplier condition, boolean exclusive, boolean interruptible, long timeoutNanos);

    /**
     * The first half of a wait ({@code prepare_to_wait}): queues an entry for the calling thread and fences, so that
     * a condition read after it cannot miss a wake issued after the condition was set. Pair with
     * {@link #finishWait}. For litmus tests and callers that build their own loop.
     */
    WaitEntry prepareToWait(boolean exclusive);

    /** The second half ({@code finish_wait}): dequeues the entry if no waker took it. */
    void finishWait(WaitEntry entry);

    /**
     * {@code wq_has_sleeper}: a full fence, then whether anything is queued. Pairs with the fence of the waiter's
     * registration (see the class comment). {@link #wakeUp} uses it as its lockless fast path.
     */
    boolean hasSleeper();

    /** {@code wake_up}: every non-exclusive entry and one effective exclusive one. @return entries woken */
    default int wakeUp() {
        return wakeUpNr(1);
    }

    /** {@code wake_up_nr}: every non-exclusive entry and {@code nr} effective exclusive ones (0: all). */
    int wakeUpNr(int nr);

    /** {@code wake_up_all}: every entry. */
    default int wakeUpAll() {
        return wakeUpNr(0);
    }

    /** {@code wake_up_poll}: as {@link #wakeUp()}, passing {@code key} (a poll mask) to the wake callbacks. */
    int wakeUpPoll(int key);

    /**
     * {@code add_wait_queue} / {@code add_wait_queue_exclusive} with a custom wake function.
     *
     * @param autoRemove remove the entry when its callback returns {@code > 0}
     */
    WaitEntry add(WakeCallback callback, boolean exclusive, boolean autoRemove);

    /** {@code remove_wait_queue}; removing an entry that is not queued does nothing. */
    void remove(WaitEntry entry);

    // ---- the kernel's names

    default void waitEvent(BooleanSupplier condition) {
        wait(condition, false, false, UNTIMED);
    }

    default int waitEventInterruptible(BooleanSupplier condition) {
        return (int) wait(condition, false, true, UNTIMED);
    }

    default long waitEventTimeout(BooleanSupplier condition, long timeoutNanos) {
        return wait(condition, false, false, requireTimeout(timeoutNanos));
    }

    default long waitEventInterruptibleTimeout(BooleanSupplier condition, long timeoutNanos) {
        return wait(condition, false, true, requireTimeout(timeoutNanos));
    }

    /** {@code wait_event_idle_exclusive}: uninterruptible, exclusive. */
    default void waitEventExclusive(BooleanSupplier condition) {
        wait(condition, true, false, UNTIMED);
    }

    default int waitEventInterruptibleExclusive(BooleanSupplier condition) {
        return (int) wait(condition, true, true, UNTIMED);
    }

    private static long requireTimeout(long timeoutNanos) {
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("timeout must be 0 or more nanoseconds, got " + timeoutNanos);
        }
        return timeoutNanos;
    }
}
