package io.wakepath.ring;

import java.util.EnumSet;

/**
 * Many producers, one consumer. Producers claim a sequence by compare-and-set on {@code tail} (checked against a
 * cached {@code head + capacity}, as in JCTools' {@code MpscArrayQueue}), write the value into its cell and then
 * release the cell's sequence stamp; the consumer takes a cell only when its stamp says "published for this lap".
 * Events are primitives, so the stamp plays the part of JCTools' null check. Cells are {stamp, value} pairs, one
 * cache line access per event.
 *
 * <p>Producers are lock-free (a failed compare-and-set means another producer progressed); the consumer is wait-free.
 * A producer that stalls between its claim and its stamp holds up the consumer at that cell: the ring then reads as
 * empty there, consistently for {@code read} and {@code isReady}.
 *
 * <p>Frames with DROP_NEWEST and REPORT_OVERFLOW. Not DROP_OLDEST (a producer would have to consume), not byte
 * streams or broadcast.
 */
public final class MpscSequenceRing extends PaddedRingIndices implements Ring {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.MPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false);

    private final RingConfig config;
    private final long[] cells;        // stamp at index(s), value at index(s) + 1
    private final int mask;
    private final int capacity;
    private final boolean reportOverflow;
    private boolean readerTaken;

    public MpscSequenceRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.cells = paddedSlots(capacity, 2);
        this.reportOverflow = config.policy() == OverflowPolicy.REPORT_OVERFLOW;
    }

    private int index(long sequence) {
        return ARRAY_PAD + (((int) sequence & mask) << 1);
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public boolean offer(long event) {
        long limit = (long) PRODUCER_LIMIT.getVolatile(this);
        long t;
        do {
            t = (long) TAIL.getVolatile(this);
            if (t >= limit) {
                limit = (long) HEAD.getAcquire(this) + capacity;  // la: pairs with sr in read (cells freed)
                if (t >= limit) {
                    countDroppedNewest();
                    return false;
                }
                PRODUCER_LIMIT.setRelease(this, limit);  // a racing, lower limit only costs another head load
            }
        } while (!TAIL.compareAndSet(this, t, t + 1));
        int cell = index(t);
        SLOT.setOpaque(cells, cell + 1, event);
        SLOT.setRelease(cells, cell, t + 1);        // sr: publishes the value above. Pairs with la in read/isReady.
        return true;
    }

    @Override
    public synchronized RingReader newReader() {
        if (readerTaken) {
            throw new IllegalStateException("MpscSequenceRing has a single consumer: its reader handle is taken");
        }
        readerTaken = true;
        return new Consumer();
    }

    @Override
    public long size() {
        return stableSize();
    }

    @Override
    public RingStats stats() {
        long size = size();
        return new RingStats((long) TAIL.getVolatile(this), (long) DROPPED_NEWEST.getVolatile(this), 0,
                (long) HEAD.getVolatile(this), size);
    }

    private final class Consumer implements RingReader {
        long lastLoss;

        @Override
        public int read(long[] dst, int offset, int max) {
            RingReads.checkFrames(config, dst, offset, max);
            if (max == 0) {
                return 0;
            }
            long loss = reportOverflow ? takeLoss() : 0;
            if (loss != 0) {
                lastLoss = loss;
                return EOVERFLOW;
            }
            long h = head;                                  // lp: only the consumer writes head
            int n = 0;
            while (n < max) {
                int cell = index(h + n);
                if ((long) SLOT.getAcquire(cells, cell) != h + n + 1) {  // la: pairs with sr in offer
                    break;
                }
                dst[offset + n] = cells[cell + 1];          // lp: ordered after the stamp load
                n++;
            }
            if (n > 0) {
                HEAD.setRelease(MpscSequenceRing.this, h + n);  // sr: value loads above are done. Pairs with la in offer.
            }
            return n;
        }

        @Override
        public int read(byte[] dst, int offset, int length) {
            RingReads.checkBytes(config, dst, offset, length);
            throw new AssertionError("unreachable: the constructor refuses byte streams");
        }

        @Override
        public boolean isReady() {
            long h = head;
            return (long) SLOT.getAcquire(cells, index(h)) == h + 1 || (reportOverflow && lossPending());
        }

        @Override
        public long lastLoss() {
            return lastLoss;
        }
    }

    @Override
    public String toString() {
        return "MpscSequenceRing[" + config + "]";
    }
}
