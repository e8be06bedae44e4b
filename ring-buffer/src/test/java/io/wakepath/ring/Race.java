package io.wakepath.ring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a few threads against each other, bounded in time: a thread that is still running at the deadline fails the
 * test with every racing thread's stack (a hang is reported, never waited out), and a thread's exception fails it.
 */
final class Race {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    interface Body {
        void run() throws Exception;
    }

    Race thread(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        return this;
    }

    void run(Duration limit) throws InterruptedException {
        threads.forEach(Thread::start);
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        StringBuilder stuck = new StringBuilder();
        for (Thread t : threads) {
            if (t.isAlive()) {
                stuck.append("\n").append(t.getName()).append(" still running:");
                for (StackTraceElement frame : t.getStackTrace()) {
                    stuck.append("\n    at ").append(frame);
                }
                t.interrupt();
            }
        }
        if (!stuck.isEmpty()) {
            fail("race did not finish within " + limit + stuck);
        }
        if (failure.get() != null) {
            fail(failure.get());
        }
    }
}
