package com.example.wakepath;

import io.wakepath.waitqueue.WaitEntry;
import io.wakepath.waitqueue.WaitQueue;
import io.wakepath.waitqueue.WakeCallback;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A user's wait queue, written from the {@link WaitQueue} contract alone: entries in a deque under the queue's
 * monitor (non-exclusive at the head, exclusive at the tail), a volatile count for the lockless has-sleeper check,
 * waiters parked. Correct: {@code check --target waitqueue=com.example.wakepath.ParkingWaitQueue} comes out clean.
 * The classes in {@code mutants} each change one thing (a hook below) and must be caught.
 *
 * <p>What wakepath needs of a wait-queue class: it implements {@link WaitQueue} and has a public no-argument
 * constructor.
 */
public class ParkingWaitQueue implements WaitQueue {
    private final Deque<WaitEntry> entries = new ArrayDeque<>();   // guarded by this
    private volatile int queued;                                     // entries.size(), written under this

    @Override
    public long wait(BooleanSupplier condition, boolean exclusive, boolean interruptible, long timeoutNanos) {
        boolean timed = timeoutNanos != UNTIMED;
        long deadline = timed ? System.nanoTime() + timeoutNanos : 0;
        for (;;) {
            boolean before = condition.getAsBoolean();
            if (before) {
                return held(timed, deadline);
            }
            WaitEntry entry = prepareToWait(exclusive);
            if (checkAfterRegistering(condition, before)) {
                finishWait(entry);
                return held(timed, deadline);
            }
            parking(true);
            while (entry.waiting()) {
                if (interruptible && Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
            }
            parking(false);
            boolean interrupted = interruptible && Thread.currentThread().isInterrupted();
            boolean late = timed && deadline - System.nanoTime() <= 0;
            boolean chosen = !entry.claimForExit();     // false: nobody woke it (leaving on our own, or spurious)
            if (!chosen) {
                remove(entry);
            }
            if ((interrupted || late) && leavesWithoutLooking(chosen)) {
                return interrupted ? ERESTARTSYS : 0;
            }
            // The condition is evaluated once per round: it may consume what it tests (a token, an event).
            if (condition.getAsBoolean()) {
                return held(timed, deadline);
            }
            if (interrupted || late) {
                if (chosen && exclusive) {
                    handOn();                           // chosen, but leaving: the wake goes to the next waiter
                }
                return interrupted ? ERESTARTSYS : 0;
            }
        }
    }

    private static long held(boolean timed, long deadline) {
        return timed ? Math.max(1, deadline - System.nanoTime()) : 0;
    }

    /** The re-check after registering (the other half of the lost-wakeup pairing). */
    protected boolean checkAfterRegistering(BooleanSupplier condition, boolean checkedBefore) {
        return condition.getAsBoolean();
    }

    /** Called around the park; a place for bookkeeping. */
    protected void parking(boolean parked) {
    }

    /** Whether a waiter leaving on a timeout or an interrupt may skip the last look at the condition: never. */
    protected boolean leavesWithoutLooking(boolean chosen) {
        return false;
    }

    /** A chosen exclusive waiter that leaves without the condition passes its wake on. */
    protected void handOn() {
        wakeUpNr(1);
    }

    @Override
    public WaitEntry prepareToWait(boolean exclusive) {
        WaitEntry entry = WaitEntry.sleeper(exclusive);
        enqueue(entry);
        VarHandle.fullFence();                          // entry visible before the condition is read again
        return entry;
    }

    @Override
    public void finishWait(WaitEntry entry) {
        if (entry.claimForExit()) {
            remove(entry);
        }
    }

    @Override
    public boolean hasSleeper() {
        VarHandle.fullFence();                          // the condition store before the look at the queue
        return anyQueued();
    }

    /** Whether anything is queued, read without the lock and without a fence. */
    protected final boolean anyQueued() {
        return queued > 0;
    }

    @Override
    public int wakeUpNr(int nr) {
        if (nr < 0) {
            throw new IllegalArgumentException("nr must be 0 (all) or more, got " + nr);
        }
        return hasSleeper() ? wakeCommon(nr == 0 ? Integer.MAX_VALUE : nr, NO_KEY) : 0;
    }

    @Override
    public int wakeUpPoll(int key) {
        return hasSleeper() ? wakeCommon(1, key) : 0;
    }

    private synchronized int wakeCommon(int nrExclusive, int key) {
        int woken = 0;
        int remaining = nrExclusive;
        for (Iterator<WaitEntry> it = entries.iterator(); it.hasNext(); ) {
            WaitEntry entry = it.next();
            int result;
            if (entry.callback() != null) {
                result = entry.callback().wake(entry, key);
                if (result < 0) {
                    break;
                }
                if (result > 0 && entry.autoRemove()) {
                    it.remove();
                    queued = entries.size();
                }
            } else if (entry.claimForWake()) {
                it.remove();
                queued = entries.size();
                LockSupport.unpark(entry.thread());
                result = 1;
            } else {
                result = 0;                             // already leaving: not an effective wake
            }
            if (result > 0) {
                woken++;
            }
            if (countsAgainstNr(entry, result) && --remaining == 0) {
                break;
            }
        }
        return woken;
    }

    @Override
    public WaitEntry add(WakeCallback callback, boolean exclusive, boolean autoRemove) {
        WaitEntry entry = WaitEntry.callback(callback, exclusive, autoRemove);
        enqueue(entry);
        return entry;
    }

    @Override
    public synchronized void remove(WaitEntry entry) {
        if (entries.remove(entry)) {
            queued = entries.size();
        }
    }

    private synchronized void enqueue(WaitEntry entry) {
        place(entries, entry);
        queued = entries.size();
    }

    /** Where a new entry goes: non-exclusive at the head, exclusive at the tail (in arrival order). */
    protected void place(Deque<WaitEntry> queue, WaitEntry entry) {
        if (entry.exclusive()) {
            queue.addLast(entry);
        } else {
            queue.addFirst(entry);
        }
    }

    /** Whether a wake's result on {@code entry} uses up one of its {@code nr}: an effective wake of an exclusive one. */
    protected boolean countsAgainstNr(WaitEntry entry, int result) {
        return result > 0 && entry.exclusive();
    }
}
