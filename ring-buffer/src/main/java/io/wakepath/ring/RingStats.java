package io.wakepath.ring;

/**
 * A snapshot of a ring's accounting, in events. Exact when taken with producer and readers quiescent; taken while
 * they run, each counter is a recent value of its own.
 *
 * <p>With shared readers: {@code enqueued == consumed + droppedOldest + size}, and {@code droppedNewest} events were
 * refused. With broadcast readers events leave the ring only by being overwritten: {@code consumed} is 0,
 * {@code droppedOldest} counts overwritten slots and each reader accounts for its own losses.
 *
 * @param enqueued      events accepted into the ring
 * @param droppedNewest events refused because the ring was full (DROP_NEWEST, REPORT_OVERFLOW)
 * @param droppedOldest events evicted unread to make room (DROP_OLDEST), or overwritten (broadcast)
 * @param consumed      events read by the shared readers
 * @param size          events in the ring now
 */
public record RingStats(long enqueued, long droppedNewest, long droppedOldest, long consumed, long size) {

    /** Every event offered, accepted or not. */
    public long offered() {
        return enqueued + droppedNewest;
    }

    /** The conservation law of the ring: nothing accepted is unaccounted for. */
    public boolean conserved() {
        return enqueued == consumed + droppedOldest + size && size >= 0;
    }
}
