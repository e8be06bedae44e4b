package io.wakepath.bench;

/**
 * The queue a throughput benchmark drives: one of our rings or a peer, behind the same operations so that every
 * contender runs the same benchmark code. A JMH fork measures one contender, so each call site stays monomorphic.
 *
 * <p>Our rings carry primitive {@code long} events; the {@code java.util.Queue} peers are offered one preallocated
 * {@code Long} (no allocation on either side), the Disruptor copies a long into its preallocated event. Each side
 * does the least its API allows to move one event. Producers offer one event per call in both shapes: the wake
 * path's producer is an interrupt handler with one sample in hand.
 */
public abstract class BenchQueue {
    /**
     * The system property that sets the event every producer offers (default 1), given to the forks:
     * {@code -jvmArgsAppend -Dwakepath.bench.event=1099511627776} offers one wider than an {@code int}, which
     * {@code spsc-compact} keeps beside its slots. The peers are offered it boxed once, as always.
     */
    public static final String EVENT_PROPERTY = "wakepath.bench.event";

    /** The event every producer offers: 1, or {@value #EVENT_PROPERTY}'s value (a constant to the JIT either way). */
    public static final long EVENT = event(System.getProperty(EVENT_PROPERTY));

    /** The most events one {@link Consumer#drain()} takes: the batch shape's {@code read(dst, 0, 64)}. */
    public static final int BATCH = 64;

    /**
     * The event a {@value #EVENT_PROPERTY} value names: null means 1.
     *
     * @throws IllegalArgumentException when it is not a long
     */
    static long event(String value) {
        if (value == null) {
            return 1L;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + EVENT_PROPERTY + "=" + value + ": not a long");
        }
    }

    /** Producer: offers one event; {@code false} when the queue was full (counted, never waited on). */
    public abstract boolean offer();

    /** A consumer handle, one per consuming thread. */
    public abstract Consumer newConsumer();

    /** A consuming thread's handle, in the two shapes the benchmarks measure. */
    public interface Consumer {
        /**
         * Single-event shape: {@code true} when an event was taken, {@code false} when the queue was empty. The event
         * is handed over and not kept: the peers' {@code poll() != null}, our {@code read(handler, 1)}.
         */
        boolean poll();

        /**
         * Batch shape: takes up to {@link #BATCH} events with the peer's own batch call (JCTools' and Agrona's
         * {@code drain}, {@code drainTo}, the Disruptor's batch poll, our {@code read(dst, 0, 64)}).
         *
         * @return the number taken, 0 when the queue was empty
         */
        int drain();
    }
}
