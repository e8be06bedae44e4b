package io.wakepath.latency;

/**
 * One way to hand a timestamp from a producer thread to a consumer thread that sleeps (or spins) until it arrives:
 * the unit of the latency harness's floors, peers and wait-queue hand-offs. One producer, one consumer.
 */
interface Channel {
    /** What {@link #take} returns once {@link #close} was called and nothing is left. */
    long CLOSED = Long.MIN_VALUE;

    /** Producer: hands {@code value} over and wakes the consumer if it waits. Never blocks for long. */
    void send(long value);

    /** Consumer: the next value, waiting as this channel waits; {@link #CLOSED} after close. */
    long take();

    /** Ends the consumer's wait (it drains, then sees {@link #CLOSED}). */
    void close();
}
