package io.wakepath.stress.harness;

import io.wakepath.jmm.Hb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of a race-detection workload ({@link JmmCheck}): real threads whose start and join the detector records
 * (so that what the main thread built is ordered before them, and what they did before what it checks next), and
 * whose order, where it matters, is forced by a schedule the detector cannot see. The workload's own hand-offs must
 * add no happens-before edge: a race needs only both accesses to run, not to collide, and an edge from the harness
 * would hide it. Every wait is bounded; a thread that does not end is reported, never waited for.
 */
public final class Workload {
    private static final long JOIN_MILLIS = 10_000;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final String name;

    public Workload(String name) {
        this.name = name;
    }

    /** A thread of the workload, started by {@link #run()}. */
    public Workload thread(String threadName, Runnable body) {
        threads.add(new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }, name + "-" + threadName));
        return this;
    }

    /**
     * Starts every thread and joins them. @throws IllegalStateException when a thread failed or did not end in time
     * (its stack in the message)
     */
    public void run() {
        for (Thread t : threads) {
            Hb.threadStart(t);
            t.start();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (t.isAlive()) {
                StringBuilder stack = new StringBuilder();
                for (StackTraceElement e : t.getStackTrace()) {
                    stack.append("\n    at ").append(e);
                }
                threads.forEach(Thread::interrupt);
                if (failure.get() != null) {                  // the cause: a thread that failed left the other waiting
                    throw new IllegalStateException("workload " + name + " failed: " + Failures.reason(failure.get())
                            + " (and " + t.getName() + " did not end)", failure.get());
                }
                throw new IllegalStateException("workload " + name + ": " + t.getName() + " did not end in "
                        + JOIN_MILLIS + " ms" + stack);
            }
            Hb.threadJoined(t);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("workload " + name + " failed: " + Failures.reason(failure.get()),
                    failure.get());
        }
    }

    /**
     * In a thread body: waits for turn {@code n} of the workload's schedule, runs {@code step}, and passes the turn on.
     * Turns are taken in order across the threads, so that the steps interleave exactly as numbered.
     */
    public void step(int n, Runnable step) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_MILLIS);
        while (turn.get() != n) {
            if (System.nanoTime() > deadline || failure.get() != null) {
                throw new IllegalStateException("turn " + n + " never came (at " + turn.get() + ")");
            }
            LockSupport.parkNanos(20_000);
        }
        try {
            step.run();
        } finally {
            turn.incrementAndGet();
        }
    }
}
