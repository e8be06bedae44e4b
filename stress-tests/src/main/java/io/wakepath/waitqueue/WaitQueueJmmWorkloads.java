package io.wakepath.waitqueue;

import io.wakepath.jmm.Hb;
import io.wakepath.stress.harness.Workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The race detector's workloads for a wait queue: waiters and wakers of every wake flavour (wake_up, wake_up_nr,
 * wake_up_all, keyed wakes to callbacks), exclusive and not, timed waits that time out and timed waits that are woken,
 * interrupted waits (interruptible, and uninterruptible ones that must keep waiting), and the bare
 * prepare/finish/has-sleeper calls. Waiters wait for tokens the wakers post; the tokens are the harness's and add no
 * edge the detector sees, so the only edges it sees are the queue's own; a post and a waiter's look at the tokens are
 * declared to it as opaque accesses ({@link Hb#conditionStored}), the condition of a wait, so that it can judge the
 * queue's wait/wake handshake for store buffering. A waker wakes again until its token is taken (bounded): a queue
 * that loses wakes still finishes here.
 */
public final class WaitQueueJmmWorkloads {
    private static final int ROUNDS = 12;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(3);

    private WaitQueueJmmWorkloads() {
    }

    public static Map<String, Runnable> of(WaitQueueStrategy strategy) {
        Map<String, Runnable> workloads = new LinkedHashMap<>();
        workloads.put("wake-up", () -> handOff(strategy, 1, false, Wake.ONE));
        workloads.put("exclusive", () -> handOff(strategy, 2, true, Wake.ONE));
        workloads.put("wake-up-nr-all", () -> handOff(strategy, 2, false, Wake.NR_AND_ALL));
        workloads.put("keyed-callbacks", () -> handOff(strategy, 1, false, Wake.KEYED));
        workloads.put("timed", () -> timed(strategy));
        workloads.put("interrupted", () -> interrupted(strategy));
        workloads.put("prepare-finish", () -> prepareFinish(strategy));
        return workloads;
    }

    private enum Wake { ONE, NR_AND_ALL, KEYED }

    /** {@code waiters} threads take ROUNDS tokens in all; a waker posts them one at a time. */
    private static void handOff(WaitQueueStrategy strategy, int waiters, boolean exclusive, Wake wake) {
        WaitQueue queue = strategy.create();
        Tokens tokens = new Tokens();
        Workload w = new Workload(strategy.id());
        AtomicInteger callbackWakes = new AtomicInteger();
        WaitEntry callback = wake == Wake.KEYED
                ? queue.add((entry, key) -> callbackWakes.incrementAndGet() > 0 ? 1 : 0, false, false) : null;
        AtomicInteger active = new AtomicInteger(waiters);
        for (int i = 0; i < waiters; i++) {
            w.thread("waiter-" + i, () -> {
                while (tokens.more()) {
                    queue.wait(tokens::take, exclusive, false, WaitQueue.UNTIMED);
                }
                active.decrementAndGet();
            });
        }
        w.thread("waker", () -> {
            for (int round = 1; round <= ROUNDS; round++) {
                tokens.post();
                int n = 0;
                while (!tokens.takenUpTo(round) && tokens.waiting()) {
                    switch (wake) {
                        case ONE -> queue.wakeUp();
                        case NR_AND_ALL -> {
                            if (n++ % 2 == 0) {
                                queue.wakeUpNr(1);
                            } else {
                                queue.wakeUpAll();
                            }
                        }
                        case KEYED -> queue.wakeUpPoll(0x1);
                    }
                    LockSupport.parkNanos(100_000);
                }
            }
            while (active.get() > 0 && tokens.waiting()) {        // the other waiters still wait: let them go
                tokens.post();
                queue.wakeUpAll();
                LockSupport.parkNanos(100_000);
            }
        });
        w.run();
        if (callback != null) {
            queue.remove(callback);
        }
    }

    /** Timed waits: short ones that time out, longer ones woken in time, exclusive and not. */
    private static void timed(WaitQueueStrategy strategy) {
        WaitQueue queue = strategy.create();
        Tokens tokens = new Tokens();
        Workload w = new Workload(strategy.id());
        w.thread("waiter", () -> {
            for (int i = 0; tokens.more(); i++) {
                long timeout = TimeUnit.MICROSECONDS.toNanos(i % 3 == 0 ? 200 : 20_000);
                queue.wait(tokens::take, i % 2 == 0, i % 4 == 1, timeout);
                Thread.interrupted();
            }
        });
        w.thread("waker", () -> {
            for (int round = 1; round <= ROUNDS; round++) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(300 * (round % 4)));
                tokens.post();
                while (!tokens.takenUpTo(round) && tokens.waiting()) {
                    queue.wakeUp();
                    LockSupport.parkNanos(100_000);
                }
            }
        });
        w.run();
    }

    /** Waits interrupted while a waker posts: interruptible ones leave, uninterruptible ones go on waiting. */
    private static void interrupted(WaitQueueStrategy strategy) {
        WaitQueue queue = strategy.create();
        Tokens tokens = new Tokens();
        Workload w = new Workload(strategy.id());
        Thread[] waiter = new Thread[1];
        w.thread("waiter", () -> {
            waiter[0] = Thread.currentThread();
            for (int i = 0; tokens.more(); i++) {
                queue.wait(tokens::take, i % 2 == 0, i % 3 != 0, TimeUnit.MILLISECONDS.toNanos(50));
                Thread.interrupted();
            }
        });
        w.thread("waker", () -> {
            for (int round = 1; round <= ROUNDS; round++) {
                Thread t = waiter[0];
                if (t != null) {
                    t.interrupt();
                }
                tokens.post();
                while (!tokens.takenUpTo(round) && tokens.waiting()) {
                    queue.wakeUp();
                    LockSupport.parkNanos(100_000);
                }
            }
        });
        w.run();
    }

    /** The halves of a wait and the waker's fast path, from two threads. */
    private static void prepareFinish(WaitQueueStrategy strategy) {
        WaitQueue queue = strategy.create();
        Workload w = new Workload(strategy.id());
        w.thread("waiter", () -> {
            for (int i = 0; i < ROUNDS; i++) {
                WaitEntry e = queue.prepareToWait(i % 2 == 0);
                LockSupport.parkNanos(20_000);
                queue.finishWait(e);
            }
        });
        w.thread("waker", () -> {
            for (int i = 0; i < ROUNDS * 4; i++) {
                if (queue.hasSleeper()) {
                    queue.wakeUp();
                }
                LockSupport.parkNanos(10_000);
            }
        });
        w.run();
    }

    /** The waiters' condition: tokens posted and taken, with a give-up time so that nothing waits for ever. */
    private static final class Tokens {
        final AtomicInteger posted = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();
        final long deadline = System.nanoTime() + GIVE_UP_NANOS;

        void post() {
            Hb.conditionStored(posted);               // before the store: a look recorded before it missed it
            posted.incrementAndGet();
        }

        boolean take() {
            int t;
            while ((t = taken.get()) < posted()) {
                if (taken.compareAndSet(t, t + 1)) {
                    return true;
                }
            }
            return System.nanoTime() > deadline;         // give up: every waiter leaves
        }

        private int posted() {
            int p = posted.get();
            Hb.conditionLoaded(posted);               // after the load: it saw no post recorded after it
            return p;
        }

        /** Whether a waiter should wait for another token. */
        boolean more() {
            return taken.get() < ROUNDS && waiting();
        }

        boolean takenUpTo(int round) {
            return taken.get() >= round;
        }

        boolean waiting() {
            return System.nanoTime() < deadline;
        }
    }
}
