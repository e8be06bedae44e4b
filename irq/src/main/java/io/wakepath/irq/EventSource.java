package io.wakepath.irq;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The outside world: a thread that feeds a {@link Device} on an {@link EventPattern}'s schedule. The schedule is open
 * loop: a sample due while the source was descheduled is raised as soon as it runs again, never skipped, so a slow
 * driver cannot slow the arrivals down. Samples are consecutive numbers from 0, each handed to a {@link Stamp} just
 * before the hardware receives it (the ledger keeps the time).
 */
public final class EventSource {
    /** Sees each sample and its intended and actual arrival times just before it is raised. */
    @FunctionalInterface
    public interface Stamp {
        void raising(long sample, long intendedNanos, long actualNanos);
    }

    private final Device device;
    private final EventPattern pattern;
    private final long seed;
    private final Stamp stamp;
    private final int round;
    private final BooleanSupplier drained;
    private final long maxWaitNanos;
    private final Runnable afterRound;
    private Thread thread;
    private volatile boolean running;
    private volatile long raised;

    public EventSource(Device device, EventPattern pattern, long seed, Stamp stamp) {
        this(device, pattern, seed, stamp, 0, () -> true, 0, () -> { });
    }

    private EventSource(Device device, EventPattern pattern, long seed, Stamp stamp, int round,
                        BooleanSupplier drained, long maxWaitNanos, Runnable afterRound) {
        this.device = Objects.requireNonNull(device, "device");
        this.pattern = pattern;
        this.seed = seed;
        this.stamp = Objects.requireNonNull(stamp, "stamp");
        this.round = round;
        this.drained = Objects.requireNonNull(drained, "drained");
        this.maxWaitNanos = maxWaitNanos;
        this.afterRound = Objects.requireNonNull(afterRound, "afterRound");
    }

    /**
     * A closed-loop source: raises {@code round} samples back to back, then waits until {@code drained} says the
     * driver took them all (or {@code maxWaitNanos} passed: the run goes on, and the watchdog has seen the stall),
     * and starts the next round at once. The next sample thus races the readers going back to sleep, once per round,
     * and a lost wakeup is never healed by a sample arriving later. {@code afterRound} runs on the source's thread
     * right after each round is raised, while the wake it causes is on its way (a signal sent then races that wake).
     */
    public static EventSource closedLoop(Device device, int round, BooleanSupplier drained, long maxWaitNanos,
                                         Stamp stamp, Runnable afterRound) {
        if (round < 1) {
            throw new IllegalArgumentException("a closed-loop round needs at least 1 sample, got " + round);
        }
        return new EventSource(device, null, 0, stamp, round, drained, maxWaitNanos, afterRound);
    }

    /** Starts raising samples; the schedule's time 0 is now. */
    public void start() {
        running = true;
        thread = new Thread(this::run, "hw-" + device.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        if (round > 0) {
            runClosedLoop();
            return;
        }
        EventPattern.Schedule schedule = pattern.schedule(seed);
        long start = System.nanoTime();
        long sample = 0;
        long due = start + schedule.next();
        while (running) {
            long now = System.nanoTime();
            if (now < due) {
                // No spinning: the source must not take a CPU from the chain it feeds (2 cores). A park shorter than the
                // timer's slack returns late; the samples due meanwhile are raised at once on return (open loop).
                LockSupport.parkNanos(this, Math.min(due - now, TimeUnit.MILLISECONDS.toNanos(5)));
                continue;
            }
            stamp.raising(sample, due, now);
            device.raise(sample);
            sample++;
            raised = sample;
            due = start + schedule.next();
        }
    }

    private void runClosedLoop() {
        long sample = 0;
        while (running) {
            for (int i = 0; i < round; i++) {
                long now = System.nanoTime();
                stamp.raising(sample, now, now);
                device.raise(sample);
                sample++;
                raised = sample;
            }
            afterRound.run();
            // Spin briefly (the readers are about to go back to sleep: the window this loop is for), then yield, then
            // park in short steps; bounded, so a lost wakeup stalls the loop for at most maxWaitNanos.
            long start = System.nanoTime();
            for (int spins = 0; running && !drained.getAsBoolean(); spins++) {
                long waited = System.nanoTime() - start;
                if (waited > maxWaitNanos) {
                    break;
                }
                if (spins < 200) {
                    Thread.onSpinWait();
                } else if (waited < 1_000_000) {
                    Thread.yield();
                } else {
                    LockSupport.parkNanos(this, 100_000);
                }
            }
        }
    }

    /** Stops after the sample being raised; returns when the thread ended (bounded). */
    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Samples raised so far. */
    public long raised() {
        return raised;
    }
}
