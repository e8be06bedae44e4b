package io.wakepath.stress.harness;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A schedule for a race-detection {@link Workload} that the detector cannot see: a waker that waits, bounded, until
 * every sleeper thread is parked before it makes its next change. Without it a slow (instrumented) sleeper may find
 * every change already made and never sleep, and the wait/wake handshake the detector judges would not run. Sleepers
 * join with {@link #enter()}; the waker calls {@link #awaitAsleep()}, which gives up after a short time (a sleeper that
 * is busy, or has left, is not waited for).
 */
public final class Sleepers {
    private static final long GIVE_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** The calling thread is a sleeper. */
    public void enter() {
        threads.add(Thread.currentThread());
    }

    /** Returns once every sleeper is parked (or has ended), or after a short time. */
    public void awaitAsleep() {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!threads.stream().allMatch(Sleepers::asleep) && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(10_000);
        }
    }

    private static boolean asleep(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED;
    }
}
