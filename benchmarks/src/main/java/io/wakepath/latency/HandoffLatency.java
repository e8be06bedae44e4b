package io.wakepath.latency;

import io.wakepath.irq.EventPattern;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Measures one {@link Channel}: a producer thread sends events on an open-loop schedule (a seeded Poisson pattern:
 * an event due while the producer was descheduled is sent at once, never skipped), a consumer thread takes them and
 * records, per event, the latency from its actual send (raw) and from its due time (corrected for coordinated
 * omission). The gap between events is long against a wake-up, so each event finds the consumer asleep: this
 * measures wake-up latency, not queueing. Bounded: a consumer that does not finish within a second of the end is
 * reported, not waited for.
 */
final class HandoffLatency {
    /** How long before an event's due time the producer stops parking and spins. */
    static final long SPIN_BEFORE_DUE_NANOS = 150_000;
    private HandoffLatency() {
    }

    static LatencyResult measure(String name, String group, String description, Supplier<Channel> factory,
                                 EventPattern pattern, long millis, long seed, long idleMillis)
            throws InterruptedException {
        Channel channel = factory.get();
        int max = (int) Math.min(50_000_000, pattern.rate() * millis / 1000 * 2 + 1_000);
        long[] due = new long[max];
        long[] sent = new long[max];
        Histogram raw = LatencyResult.histogram();
        Histogram corrected = LatencyResult.histogram();
        AtomicLong received = new AtomicLong();   // written by the consumer only
        Thread consumer = new Thread(() -> {
            for (long v; (v = channel.take()) != Channel.CLOSED; ) {
                long now = System.nanoTime();
                int i = (int) v;
                raw.recordValue(Math.max(1, now - sent[i]));
                corrected.recordValue(Math.max(1, now - due[i]));
                received.lazySet(received.get() + 1);
            }
        }, "latency-consumer-" + name);
        consumer.setDaemon(true);
        consumer.start();
        Thread.sleep(20);                               // the consumer is waiting before the first event

        long cpu0 = Cpu.of(consumer);
        long sendNanos = 0;                             // the producer's side of the hand-off (send never blocks)
        EventPattern.Schedule schedule = pattern.schedule(seed);
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        int n = 0;
        for (long next = start + schedule.next(); next < end && n < max; next = start + schedule.next()) {
            // Park until shortly before the due time, then spin: a park overshoots by tens of microseconds here, which
            // would be counted in every corrected latency (the source's lateness, not the channel's).
            for (long now; (now = System.nanoTime()) < next - SPIN_BEFORE_DUE_NANOS; ) {
                LockSupport.parkNanos(Math.min(next - SPIN_BEFORE_DUE_NANOS - now, 5_000_000));
            }
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            due[n] = next;
            sent[n] = System.nanoTime();
            channel.send(n);
            sendNanos += System.nanoTime() - sent[n];
            n++;
        }
        // the last events are received, then the consumer waits: that wait is the idle measurement
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (received.get() < n && System.nanoTime() < settle) {
            Thread.sleep(1);
        }
        long cpuBusy = Cpu.of(consumer) - cpu0 + sendNanos;
        double idle = Cpu.idlePercent(idleMillis, consumer);
        channel.close();
        consumer.join(1_000);
        if (consumer.isAlive()) {
            throw new IllegalStateException(name + ": the consumer did not end after close: "
                    + java.util.Arrays.toString(consumer.getStackTrace()));
        }
        long got = received.get();
        if (got != n) {
            throw new IllegalStateException(name + ": sent " + n + " events, received " + got);
        }
        return new LatencyResult(name, group, description, raw, corrected, got, (double) cpuBusy / Math.max(1, got),
                idle, Double.NaN, 1);
    }
}
