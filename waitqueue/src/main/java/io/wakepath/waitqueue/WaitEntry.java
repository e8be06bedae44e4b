package io.wakepath.waitqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.Condition;

/**
 * One entry of a wait queue: a thread sleeping in {@link WaitQueue#wait} (the kernel's {@code wait_queue_entry} with
 * {@code autoremove_wake_function}), or a {@link WakeCallback} added with {@link WaitQueue#add}.
 *
 * <p>A sleeping entry lives for one round of its waiter's loop: {@link #WAITING} while queued, then either
 * {@link #WOKEN} (a waker took it, removed it and woke the thread: "chosen") or {@link #DONE} (its waiter left on its
 * own, on a timeout, an interrupt or the condition). The two transitions race by compare-and-set, which is the
 * kernel's {@code try_to_wake_up}: a waker whose CAS fails found the thread already running, and that wake does not
 * count. A waiter whose next round starts gets a fresh entry.
 */
public final class WaitEntry {
    static final int WAITING = 0;
    static final int WOKEN = 1;
    static final int DONE = 2;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WaitEntry.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread thread;               // null for a callback entry
    final WakeCallback callback;       // null for a sleeping thread
    final boolean exclusive;
    final boolean autoRemove;
    private volatile int state;        // WAITING -> WOKEN (waker) or WAITING -> DONE (waiter)

    // Guarded by the queue's lock, for the strategies with an intrusive list.
    WaitEntry prev;
    WaitEntry next;
    boolean queued;

    /** The lock-condition strategy's per-entry condition; null elsewhere. */
    Condition condition;

    WaitEntry(Thread thread, WakeCallback callback, boolean exclusive, boolean autoRemove) {
        this.thread = thread;
        this.callback = callback;
        this.exclusive = exclusive;
        this.autoRemove = autoRemove;
    }

    /** An entry for the calling thread, removed when woken (for wait queues of your own, too). */
    public static WaitEntry sleeper(boolean exclusive) {
        return new WaitEntry(Thread.currentThread(), null, exclusive, true);
    }

    /** An entry whose wake runs {@code callback} ({@code add_wait_queue} with a custom wake function). */
    public static WaitEntry callback(WakeCallback callback, boolean exclusive, boolean autoRemove) {
        return new WaitEntry(null, java.util.Objects.requireNonNull(callback, "callback"), exclusive, autoRemove);
    }

    /** The wake function, or null for a sleeping thread. */
    public WakeCallback callback() {
        return callback;
    }

    /** Whether a wake that its callback accepts removes it. */
    public boolean autoRemove() {
        return autoRemove;
    }

    public boolean exclusive() {
        return exclusive;
    }

    /** The sleeping thread, or null for a callback entry. */
    public Thread thread() {
        return thread;
    }

    public boolean waiting() {
        return state == WAITING;
    }

    /** Waker: takes a waiting entry (try_to_wake_up); false when its thread is already running. */
    public boolean claimForWake() {
        return STATE.compareAndSet(this, WAITING, WOKEN);
    }

    /** Waiter: leaves on its own; false when a waker took the entry first (it was chosen). */
    public boolean claimForExit() {
        return STATE.compareAndSet(this, WAITING, DONE);
    }

    @Override
    public String toString() {
        return (callback != null ? "callback" : String.valueOf(thread)) + (exclusive ? " exclusive" : "")
                + " state=" + state;
    }
}
