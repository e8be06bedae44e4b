package io.wakepath.irq;

import java.util.Objects;
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
    private Thread thread;
    private volatile boolean running;
    private volatile long raised;

    public EventSource(Device device, EventPattern pattern, long seed, Stamp stamp) {
        this.device = Objects.requireNonNull(device, "device");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.seed = seed;
        this.stamp = Objects.requireNonNull(stamp, "stamp");
    }

    /** Starts raising samples; the schedule's time 0 is now. */
    public void start() {
        running = true;
        thread = new Thread(this::run, "hw-" + device.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
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
