package io.wakepath.bench;

/**
 * The queue a throughput benchmark drives: one of our rings or a peer, behind the same two operations so that every
 * contender runs the same benchmark code. A JMH fork measures one contender, so each call site stays monomorphic.
 *
 * <p>Our rings carry primitive {@code long} events; the {@code java.util.Queue} peers are offered one preallocated
 * {@code Long} (no allocation on either side), the Disruptor copies a long into its preallocated event. Each side
 * does the least its API allows to move one event.
 */
public abstract class BenchQueue {
    /** The event every producer offers. */
    public static final long EVENT = 1L;

    /** Producer: offers one event; {@code false} when the queue was full (counted, never waited on). */
    public abstract boolean offer();

    /** A consumer handle, one per consuming thread. */
    public abstract Consumer newConsumer();

    /** Takes at most one event. */
    @FunctionalInterface
    public interface Consumer {
        /** {@code true} when an event was taken, {@code false} when the queue was empty. */
        boolean poll();
    }
}
