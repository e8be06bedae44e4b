package io.wakepath.poll;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Helpers for the poll tests: a call on its own thread with a bounded join, and waiting until a thread sleeps. */
final class Threads {
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final long RUNNING = Long.MIN_VALUE;

    private Threads() {
    }

    /** A call running on its own platform thread. */
    static final class Call {
        final Thread thread;
        final AtomicLong result = new AtomicLong(RUNNING);

        Call(LongSupplier body) {
            thread = new Thread(() -> result.set(body.getAsLong()));
            thread.setDaemon(true);
            thread.start();
        }

        boolean done() {
            return result.get() != RUNNING;
        }

        long result() throws InterruptedException {
            thread.join(LIMIT);
            if (!done()) {
                fail("call did not return within " + LIMIT + ": " + stack(thread));
            }
            return result.get();
        }
    }

    /** Waits until {@code thread} sleeps (parked or waiting), so that what follows happens while it sleeps. */
    static void awaitSleeping(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() - deadline > 0) {
                fail(thread + " never slept: " + stack(thread));
            }
            Thread.sleep(1);
        }
    }

    static String stack(Thread thread) {
        StringBuilder s = new StringBuilder(thread.getName());
        for (StackTraceElement frame : thread.getStackTrace()) {
            s.append("\n    at ").append(frame);
        }
        return s.toString();
    }
}
