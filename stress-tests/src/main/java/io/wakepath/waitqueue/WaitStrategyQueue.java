package io.wakepath.waitqueue;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A Disruptor 4 {@link WaitStrategy} as a wait queue: how {@code check --target wait-strategy=CLASS} puts a user's
 * strategy through the wait-queue catalogue without an adapter of theirs. The strategy does the waiting and the
 * waking; this class only gives it what a ring buffer's consumer would: a cursor {@link Sequence}, a barrier that
 * alerts on interrupts and deadlines, and a {@code signalAllWhenBlocking} after every wake.
 *
 * <p>Every wake bumps the cursor and signals the strategy; a waiter reads the cursor <em>before</em> it looks at the
 * condition and waits for the cursor to move past what it read:
 * <pre>
 *   waker                              waiter
 *   condition = true;                  seen = cursor;          (volatile)
 *   cursor++;   (volatile RMW)         if (!condition) waitFor(seen + 1);
 *   signalAllWhenBlocking();
 * </pre>
 * If the waiter's look misses the condition, its read of the cursor came before the waker's increment (the increment
 * happens-after the condition store), so a correct {@code waitFor} returns once the increment lands: a strategy that
 * misses the signal, or returns before the cursor passes the sequence, is what the catalogue catches. A strategy
 * wakes every waiting thread: exclusive waiters all wake and look, one takes the condition, the others wait again.
 * Wake callbacks (poll registrations) are kept here and called as {@code __wake_up_common} calls them. A timed wait
 * asks a timer to signal the strategy at its deadline (the blocking strategies have no timeout of their own; those
 * that do end their waits sooner with {@code TimeoutException}, taken as a spurious wake); interruptible ones leave
 * on {@code Thread.interrupt()}.
 *
 * <p>Loaded beside the user's Disruptor jar (see {@link io.wakepath.stress.harness.Target#besideUserClasses}): it uses
 * only the public API of this package.
 */
public final class WaitStrategyQueue implements WaitQueue {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wait-strategy-timer");
        t.setDaemon(true);
        return t;
    });

    private final WaitStrategy strategy;
    private final Sequence cursor = new Sequence(0);
    private final AtomicInteger sleepers = new AtomicInteger();
    private final ArrayDeque<WaitEntry> entries = new ArrayDeque<>();    // callbacks and prepareToWait entries; this

    public WaitStrategyQueue(WaitStrategy strategy) {
        this.strategy = strategy;
    }

    @Override
    public long wait(BooleanSupplier condition, boolean exclusive, boolean interruptible, long timeoutNanos) {
        boolean timed = timeoutNanos != UNTIMED;
        long deadline = System.nanoTime() + timeoutNanos;
        if (condition.getAsBoolean()) {
            return timed ? Math.max(1, deadline - System.nanoTime()) : 0;
        }
        Barrier barrier = new Barrier(interruptible, timed, deadline);
        ScheduledFuture<?> alarm = timed
                ? TIMER.schedule(strategy::signalAllWhenBlocking, timeoutNanos, TimeUnit.NANOSECONDS) : null;
        boolean swallowed = false;
        sleepers.incrementAndGet();
        try {
            for (;;) {
                long seen = cursor.get();              // before the condition: see the class comment
                if (condition.getAsBoolean()) {
                    return timed ? Math.max(1, deadline - System.nanoTime()) : 0;
                }
                if (interruptible && Thread.currentThread().isInterrupted()) {
                    return ERESTARTSYS;
                }
                if (timed && deadline - System.nanoTime() <= 0) {
                    return 0;
                }
                try {
                    strategy.waitFor(seen + 1, cursor, cursor, barrier);
                } catch (AlertException | TimeoutException e) {
                    // the deadline or an interrupt: the loop looks at the condition once more and decides
                } catch (InterruptedException e) {
                    if (interruptible) {
                        Thread.currentThread().interrupt();     // the loop's last look, then ERESTARTSYS
                    } else {
                        swallowed = true;
                    }
                }
            }
        } finally {
            sleepers.decrementAndGet();
            if (alarm != null) {
                alarm.cancel(false);
            }
            if (swallowed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public WaitEntry prepareToWait(boolean exclusive) {
        WaitEntry entry = WaitEntry.sleeper(exclusive);
        enqueue(entry);
        VarHandle.fullFence();                          // queued before the caller reads its condition
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
        VarHandle.fullFence();                          // the caller's condition store before this look
        return sleepers.get() > 0 || queued();
    }

    @Override
    public int wakeUpNr(int nr) {
        if (nr < 0) {
            throw new IllegalArgumentException("nr must be 0 (all) or more, got " + nr);
        }
        return wake(nr, NO_KEY);
    }

    @Override
    public int wakeUpPoll(int key) {
        return wake(1, key);
    }

    private int wake(int nrExclusive, int key) {
        cursor.incrementAndGet();                       // every waiter that looked before this waits past it
        int threads = sleepers.get();
        strategy.signalAllWhenBlocking();
        return threads + wakeEntries(nrExclusive == 0 ? Integer.MAX_VALUE : nrExclusive, key);
    }

    /** {@code __wake_up_common} over the entries kept here. */
    private synchronized int wakeEntries(int nrExclusive, int key) {
        int woken = 0;
        int remaining = nrExclusive;
        List<WaitEntry> taken = new ArrayList<>();
        for (WaitEntry entry : entries) {
            int result;
            if (entry.callback() != null) {
                result = entry.callback().wake(entry, key);
                if (result < 0) {
                    break;
                }
                if (result > 0 && entry.autoRemove()) {
                    taken.add(entry);
                }
            } else {
                result = entry.claimForWake() ? 1 : 0;
                if (result > 0) {
                    taken.add(entry);
                }
            }
            if (result > 0) {
                woken++;
                if (entry.exclusive() && --remaining == 0) {
                    break;
                }
            }
        }
        entries.removeAll(taken);
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
        entries.remove(entry);
    }

    private synchronized void enqueue(WaitEntry entry) {
        if (entry.exclusive()) {
            entries.addLast(entry);
        } else {
            entries.addFirst(entry);
        }
    }

    private synchronized boolean queued() {
        return !entries.isEmpty();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + strategy + ")";
    }

    /** What the strategy asks between its looks: whether this wait must stop (an interrupt, the deadline). */
    private static final class Barrier implements SequenceBarrier {
        private final boolean interruptible;
        private final boolean timed;
        private final long deadline;

        Barrier(boolean interruptible, boolean timed, long deadline) {
            this.interruptible = interruptible;
            this.timed = timed;
            this.deadline = deadline;
        }

        @Override
        public void checkAlert() throws AlertException {
            if (isAlerted()) {
                throw AlertException.INSTANCE;
            }
        }

        @Override
        public boolean isAlerted() {
            return (interruptible && Thread.currentThread().isInterrupted())
                    || (timed && deadline - System.nanoTime() <= 0);
        }

        @Override
        public long waitFor(long sequence) {
            throw new UnsupportedOperationException("only the wait strategy's own checks are used");
        }

        @Override
        public long getCursor() {
            throw new UnsupportedOperationException("only the wait strategy's own checks are used");
        }

        @Override
        public void alert() {
            throw new UnsupportedOperationException("alerts come from interrupts and deadlines");
        }

        @Override
        public void clearAlert() {
        }
    }
}
