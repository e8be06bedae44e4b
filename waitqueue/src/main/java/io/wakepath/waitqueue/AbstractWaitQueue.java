package io.wakepath.waitqueue;

import io.wakepath.core.AtomicContext;

import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The wait-queue algorithm of {@code include/linux/wait.h}, written once: {@code ___wait_event} in {@link #wait},
 * the fenced fast path of the wakes, and the default wake function ({@code try_to_wake_up} with autoremove). A
 * strategy supplies the mechanism: how entries are queued and walked, how a waiter sleeps and how it is woken.
 *
 * <h2>A supported base class</h2>
 * Write your own wait queue by extending this class: every strategy of the registry does. Supply the six mechanism
 * methods; the wait loop, the fences that make a wake after the condition store impossible to lose, timeouts,
 * interrupts and the hand-off of an exclusive wake are done here, and what {@code check --target waitqueue=} finds is
 * then about your mechanism. {@link EntryList} is the kernel's list (call it under your lock) and
 * {@link Parking#sleep} a park/unpark sleep. The smallest complete one, under a lock of its own:
 * <pre>{@code
 * public final class MyWaitQueue extends AbstractWaitQueue {
 *     private final ReentrantLock lock = new ReentrantLock();
 *     private final EntryList entries = new EntryList();
 *
 *     protected void enqueue(WaitEntry e)         { lock.lock(); try { entries.add(e); } finally { lock.unlock(); } }
 *     protected void dequeue(WaitEntry e)         { lock.lock(); try { entries.remove(e); } finally { lock.unlock(); } }
 *     protected int wakeCommon(int nr, int key)   { lock.lock(); try { return entries.wake(nr, key, this); }
 *                                                   finally { lock.unlock(); } }
 *     protected boolean active()                  { return entries.nonEmpty(); }
 *     protected void unblock(WaitEntry e)         { LockSupport.unpark(e.thread()); }
 *     protected boolean sleep(WaitEntry e, boolean timed, long deadline, boolean interruptible) {
 *         return Parking.sleep(e, timed, deadline, interruptible, this);
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractWaitQueue implements WaitQueue {

    // ---- the mechanism

    /** Queues a new entry: non-exclusive at the head, exclusive at the tail. */
    protected abstract void enqueue(WaitEntry entry);

    /** Dequeues {@code entry} if it is still queued. */
    protected abstract void dequeue(WaitEntry entry);

    /** {@code __wake_up_common}: walks the entries from the head, calling {@link #wakeEntry}. @return entries woken */
    protected abstract int wakeCommon(int nrExclusive, int key);

    /** {@code waitqueue_active}: whether anything is queued, read without the lock and without a fence. */
    protected abstract boolean active();

    /** Wakes the thread of an entry a waker just took. */
    protected abstract void unblock(WaitEntry entry);

    /**
     * {@code schedule()}: returns once the entry is no longer waiting, at the deadline (timed), on an interrupt
     * (interruptible), or spuriously; the caller's loop re-checks everything.
     *
     * @return whether an uninterruptible wait cleared an interrupt that the caller must restore when it returns
     */
    protected abstract boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible);

    // ---- the algorithm

    /** The default wake function: callbacks decide for themselves; a sleeping entry is taken by CAS and woken. */
    protected final int wakeEntry(WaitEntry entry, int key) {
        if (entry.callback != null) {
            return entry.callback.wake(entry, key);
        }
        if (!entry.claimForWake()) {
            return 0;                  // its thread is already running (leaving): not an effective wake
        }
        unblock(entry);
        return 1;
    }

    @Override
    public boolean hasSleeper() {
        // smp_mb(): orders the caller's condition store before the look at the queue. Without it the load may be
        // satisfied before the store leaves the store buffer, while the waiter queues and reads the old condition:
        // both miss. Pairs with the fullFence after enqueue in waitSlow / prepareToWait.
        VarHandle.fullFence();
        return active();
    }

    @Override
    public final int wakeUpNr(int nr) {
        if (nr < 0) {
            throw new IllegalArgumentException("nr must be 0 (all) or more, got " + nr);
        }
        return hasSleeper() ? wakeCommon(nr, NO_KEY) : 0;
    }

    @Override
    public final int wakeUpPoll(int key) {
        return hasSleeper() ? wakeCommon(1, key) : 0;
    }

    @Override
    public final WaitEntry prepareToWait(boolean exclusive) {
        WaitEntry entry = WaitEntry.sleeper(exclusive);
        enqueue(entry);
        VarHandle.fullFence();         // set_current_state's smp_mb. Pairs with the fence in hasSleeper.
        return entry;
    }

    @Override
    public final void finishWait(WaitEntry entry) {
        if (entry.claimForExit()) {
            dequeue(entry);
        }
    }

    @Override
    public final WaitEntry add(WakeCallback callback, boolean exclusive, boolean autoRemove) {
        WaitEntry entry = WaitEntry.callback(callback, exclusive, autoRemove);
        enqueue(entry);
        return entry;
    }

    @Override
    public final void remove(WaitEntry entry) {
        dequeue(entry);
    }

    @Override
    public final long wait(BooleanSupplier condition, boolean exclusive, boolean interruptible, long timeoutNanos) {
        Objects.requireNonNull(condition, "condition");
        AtomicContext.mightSleep("wait_event");       // as the kernel's wait_event: never from a hard IRQ
        if (timeoutNanos < 0 && timeoutNanos != UNTIMED) {
            throw new IllegalArgumentException("timeout must be 0 or more nanoseconds (or UNTIMED), got "
                    + timeoutNanos);
        }
        boolean timed = timeoutNanos != UNTIMED;
        long deadline = timed ? System.nanoTime() + timeoutNanos : 0;
        if (condition.getAsBoolean()) {
            return satisfied(timed, deadline);        // the condition is checked first: no entry, no fence
        }
        return waitSlow(condition, exclusive, interruptible, timed, deadline);
    }

    /** The result of a wait whose condition held. */
    static long satisfied(boolean timed, long deadline) {
        return timed ? Math.max(1, deadline - System.nanoTime()) : 0;
    }

    /** {@code ___wait_event} after the first check: queue, fence, re-check, sleep, until the condition holds. */
    long waitSlow(BooleanSupplier condition, boolean exclusive, boolean interruptible, boolean timed, long deadline) {
        WaitEntry entry = null;
        boolean swallowed = false;
        try {
            for (;;) {
                if (entry == null || !entry.waiting()) {
                    if (entry != null && condition.getAsBoolean()) {
                        return satisfied(timed, deadline);    // woken and the condition holds: no need to queue again
                    }
                    entry = WaitEntry.sleeper(exclusive);     // a fresh entry for each round after a wake
                    enqueue(entry);
                }
                VarHandle.fullFence();   // set_current_state: entry visible before the condition read. Pairs with hasSleeper.
                if (condition.getAsBoolean()) {
                    finishWait(entry);                        // taken by a wake meanwhile: that wake is consumed here
                    return satisfied(timed, deadline);
                }
                boolean interrupted = interruptible && Thread.currentThread().isInterrupted();
                if (interrupted || (timed && deadline - System.nanoTime() <= 0)) {
                    return giveUp(entry, condition, exclusive, interrupted, timed, deadline);
                }
                swallowed |= sleep(entry, timed, deadline, interruptible);
            }
        } finally {
            if (swallowed) {
                Thread.currentThread().interrupt();           // an uninterruptible wait restores what it cleared
            }
        }
    }

    /**
     * Leaving on a timeout or an interrupt. The entry leaves the queue first, so no later wake can choose it; if a
     * waker chose it meanwhile, the condition it made true is consumed here, or, when another thread took it, the
     * wake is handed on to the next exclusive waiter: an exclusive wake is never swallowed by a waiter that leaves.
     */
    private long giveUp(WaitEntry entry, BooleanSupplier condition, boolean exclusive, boolean interrupted,
                        boolean timed, long deadline) {
        if (entry.claimForExit()) {
            dequeue(entry);
        } else {                                              // chosen by a wake after the last check
            if (condition.getAsBoolean()) {
                return satisfied(timed, deadline);
            }
            if (exclusive) {
                wakeUpNr(1);
            }
        }
        return interrupted ? ERESTARTSYS : 0;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
