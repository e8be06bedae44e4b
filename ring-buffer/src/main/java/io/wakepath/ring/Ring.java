package io.wakepath.ring;

/**
 * A bounded ring of {@code long} events between one side that produces them in "IRQ context" and readers.
 *
 * <h2>Threads</h2>
 * {@link #offer} is the producer side: it never waits for space and never allocates, whatever the ring's state.
 * How many threads may offer at once, and read at once, is the strategy's {@link Topology}; readers read through
 * {@link RingReader} handles obtained once from {@link #newReader()}. {@link #size()} and {@link #stats()} may be
 * called from any thread.
 *
 * <h2>Happens-before</h2>
 * Everything the producer did before {@code offer(e)} returned {@code true} happens-before a reader's
 * {@code read} that returns {@code e}: a reader that sees an event in the ring sees its data (the ring's
 * index is never visible before the slot it covers; the one broken strategy breaks exactly this).
 *
 * <h2>The readiness rule</h2>
 * With a single reader: {@link RingReader#isReady()} is {@code true} exactly when its next {@code read} returns
 * data or {@link #EOVERFLOW}; never "ready" followed by a read that finds nothing. A {@code .poll} method reports
 * this readiness.
 *
 * <p>The caller's loop, in a driver's read path:
 * <pre>{@code
 * RingReader reader = ring.newReader();          // once per open file
 * int n = reader.read(buf, 0, buf.length);
 * if (n == Ring.EOVERFLOW) { report(reader.lastLoss()); }
 * else if (n == 0) { return EAGAIN; }            // or sleep on the wait queue until isReady()
 * }</pre>
 */
public interface Ring {
    /** The read result that reports lost events once (the kernel's -EOVERFLOW). */
    int EOVERFLOW = -75;

    RingConfig config();

    /**
     * Producer side: puts {@code event} in the ring, or applies the overflow policy when it is full.
     *
     * @return {@code true} when the event is in the ring, {@code false} when it was dropped (a full ring under
     * {@link OverflowPolicy#DROP_NEWEST} or {@link OverflowPolicy#REPORT_OVERFLOW})
     */
    boolean offer(long event);

    /**
     * A reader handle. With {@link ReaderMode#SHARED} it consumes from the one shared head (a single-consumer
     * strategy hands out one handle only); with {@link ReaderMode#BROADCAST} it has its own cursor, starting at the
     * next event offered. Allocates; call it once per reader, not per read.
     *
     * @throws IllegalStateException when a single-consumer strategy already gave out its shared handle
     */
    RingReader newReader();

    /** Events in the ring now, never negative nor above the capacity (a partly read byte-stream event counts). */
    long size();

    RingStats stats();
}
