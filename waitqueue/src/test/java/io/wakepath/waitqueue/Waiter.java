package io.wakepath.waitqueue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.fail;

/** A thread running one wait, with bounded joins: a waiter that does not finish in time fails with its stack. */
final class Waiter {
    static final long RUNNING = Long.MIN_VALUE;

    private final Thread thread;
    private final AtomicLong result = new AtomicLong(RUNNING);
    private volatile boolean interruptedAtEnd;

    private Waiter(Thread.Builder builder, WaitQueue queue, ToLongFunction<WaitQueue> wait) {
        this.thread = builder.unstarted(() -> {
            result.set(wait.applyAsLong(queue));
            interruptedAtEnd = Thread.currentThread().isInterrupted();
        });
        thread.setDaemon(true);
    }

    static Waiter start(WaitQueue queue, ToLongFunction<WaitQueue> wait) {
        return start(Thread.ofPlatform(), queue, wait);
    }

    static Waiter start(Thread.Builder builder, WaitQueue queue, ToLongFunction<WaitQueue> wait) {
        Waiter waiter = new Waiter(builder, queue, wait);
        waiter.thread.start();
        return waiter;
    }

    Thread thread() {
        return thread;
    }

    boolean done() {
        return result.get() != RUNNING;
    }

    boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /** The wait's result, failing with the waiter's stack if it has not returned within {@code limit}. */
    long result(Duration limit) throws InterruptedException {
        thread.join(limit);
        if (!done()) {
            StringBuilder stack = new StringBuilder("waiter did not return within " + limit + ":");
            for (StackTraceElement frame : thread.getStackTrace()) {
                stack.append("\n    at ").append(frame);
            }
            fail(stack.toString());
        }
        return result.get();
    }
}
