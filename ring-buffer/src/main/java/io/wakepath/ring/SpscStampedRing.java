package io.wakepath.ring;

import java.util.EnumSet;

/**
 * Single producer, single consumer, with the hand-off in the slots instead of in shared indices (the FastFlow
 * design JCTools' {@code SpscArrayQueue} uses, with a sequence stamp per cell since primitive events have no null):
 * the cell of sequence {@code s} is free for the producer when its stamp reads {@code s}, published when it reads
 * {@code s + 1}, and freed for the next lap ({@code s + capacity}) by the consumer. Neither side ever reads the
 * other's index, so a producer spinning on a full ring (or a consumer on an empty one) only shares the one cell line
 * where they meet; an index-based ring ({@link SpscReleaseAcquireRing}) bounces its index line on every operation
 * in those states. The producer looks {@value #LOOKAHEAD} cells ahead: a free cell there means every cell before it
 * is free (the consumer frees in order), so it checks stamps once per {@value #LOOKAHEAD} events while there is room.
 *
 * <p>Wait-free on both sides. Costs 16 bytes per slot (stamp and value share a cache line). Frames with DROP_NEWEST
 * and REPORT_OVERFLOW; not DROP_OLDEST (only the consumer frees cells), byte streams or broadcast.
 *
 * @see SpscReleaseAcquireRing the kfifo pattern: index hand-offs, byte streams and broadcast
 */
public final class SpscStampedRing extends PaddedRingIndices implements Ring {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.SPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false);
    static final int LOOKAHEAD = 64;

    private final RingConfig config;
    private final long[] cells;        // stamp at index(s), value at index(s) + 1
    private final int mask;
    private final int capacity;
    private final int lookahead;
    private final boolean reportOverflow;
    private boolean readerTaken;

    public SpscStampedRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.lookahead = Math.min(LOOKAHEAD, capacity / 4);
        this.cells = paddedSlots(capacity, 2);
        this.reportOverflow = config.policy() == OverflowPolicy.REPORT_OVERFLOW;
        for (int s = 0; s < capacity; s++) {
            cells[index(s)] = s;       // free for the producer of sequence s (published by the final field freeze)
        }
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
        long t = tail;                                          // lp: only the producer writes tail
        if (t >= producerLimit && !claimAhead(t)) {
            DROPPED_NEWEST.setOpaque(this, droppedNewest + 1);  // full; only the producer writes it
            return false;
        }
        int cell = index(t);
        SLOT.setOpaque(cells, cell + 1, event);
        SLOT.setRelease(cells, cell, t + 1);        // sr: publishes the value above. Pairs with la in read/isReady.
        TAIL.setOpaque(this, t + 1);                // so: for size() and stats only, nobody synchronizes on it
        return true;
    }

    /** Producer: finds free cells from {@code t} on, looking ahead first; false when cell {@code t} is not free. */
    private boolean claimAhead(long t) {
        long ahead = t + lookahead;
        if ((long) SLOT.getAcquire(cells, index(ahead)) == ahead) {  // la: pairs with sr in read (cell freed)
            producerLimit = ahead;                                    // every cell before it is free too
            return true;
        }
        if ((long) SLOT.getAcquire(cells, index(t)) == t) {           // la: pairs with sr in read
            producerLimit = t + 1;
            return true;
        }
        return false;
    }

    @Override
    public synchronized RingReader newReader() {
        if (readerTaken) {
            throw new IllegalStateException("SpscStampedRing has a single consumer: its reader handle is taken");
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
        return new RingStats((long) TAIL.getVolatile(this), (long) DROPPED_NEWEST.getOpaque(this), 0,
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
                SLOT.setRelease(cells, cell, h + n + capacity);  // sr: value load above is done. Pairs with la.
                n++;
            }
            if (n > 0) {
                HEAD.setOpaque(SpscStampedRing.this, h + n);  // so: for size() and stats only
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
        return "SpscStampedRing[" + config + "]";
    }
}
