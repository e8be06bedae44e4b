package io.wakepath.ring;

import java.util.EnumSet;

/**
 * Many producers, many consumers: D. Vyukov's bounded MPMC queue. Every cell carries a sequence stamp; for the
 * cell of sequence {@code s} the stamp reads {@code s} when free for the producer of {@code s}, {@code s + 1} when
 * that producer has published, and {@code s + capacity} once the consumer of {@code s} freed it for the next lap.
 * Producers and consumers claim sequences by compare-and-set on {@code tail} / {@code head} and hand the cell over
 * with a release store of the stamp. As in JCTools' {@code MpmcArrayQueue}, but with {stamp, value} pairs for
 * primitive events.
 *
 * <p>Lock-free claims; a thread stalled between its claim and its stamp holds up the others at that cell only.
 * DROP_OLDEST is correct under concurrency: a producer that finds the ring full claims the oldest sequence itself
 * (compare-and-set of {@code head} from exactly {@code tail - capacity}, so it evicts only while the ring is really
 * full), counts the eviction and retries; every event is read, evicted and counted, or still in the ring. When the
 * oldest cannot be evicted without waiting (a consumer is still copying it out, or its producer has not published
 * it) the new event is dropped and counted as {@code droppedNewest} instead: the producer never waits.
 *
 * <p>Frames with DROP_NEWEST, DROP_OLDEST and REPORT_OVERFLOW. Not byte streams (a partly read event cannot be
 * shared between consumers without a lock) nor broadcast.
 */
public final class MpmcSequenceRing extends PaddedRingIndices implements Ring {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.MPMC,
            EnumSet.allOf(OverflowPolicy.class), false, false);

    private final RingConfig config;
    private final long[] cells;        // stamp at index(s), value at index(s) + 1
    private final int mask;
    private final int capacity;
    private final boolean dropOldest;
    private final boolean reportOverflow;

    public MpmcSequenceRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.cells = paddedSlots(capacity, 2);
        this.dropOldest = config.policy() == OverflowPolicy.DROP_OLDEST;
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
        while (true) {
            long t = (long) TAIL.getVolatile(this);
            int cell = index(t);
            long stamp = (long) SLOT.getAcquire(cells, cell);  // la: pairs with sr in take (cell freed)
            if (stamp == t) {
                if (TAIL.compareAndSet(this, t, t + 1)) {
                    SLOT.setOpaque(cells, cell + 1, event);
                    SLOT.setRelease(cells, cell, t + 1);       // sr: publishes the value. Pairs with la in take.
                    return true;
                }
            } else if (stamp < t) {                             // still holds sequence t - capacity: full
                long oldest = t - capacity;
                if (dropOldest && stamp == oldest + 1 && HEAD.compareAndSet(this, oldest, oldest + 1)) {
                    // Evicted the oldest: published, and no consumer had claimed it. Free its cell for
                    // sequence t as a consumer would, then retry the claim.
                    SLOT.setRelease(cells, cell, t);            // sr: pairs with la above (the next claim of t)
                    DROPPED_OLDEST.getAndAdd(this, 1L);
                    continue;
                }
                // Not evictable without waiting (a consumer is still copying the cell out, or the oldest
                // producer has not published): the producer never waits, so the new event is dropped and counted.
                countDroppedNewest();
                return false;
            }
            // else another producer claimed t: retry with a fresh tail
        }
    }

    /** Consumes the event at the head into {@code dst[at]}; {@code false} when there is none to take. */
    private boolean take(long[] dst, int at) {
        while (true) {
            long h = (long) HEAD.getVolatile(this);
            int cell = index(h);
            long stamp = (long) SLOT.getAcquire(cells, cell);  // la: pairs with sr in offer (value published)
            if (stamp == h + 1) {
                if (HEAD.compareAndSet(this, h, h + 1)) {
                    dst[at] = cells[cell + 1];                  // lp: ordered after the stamp load
                    SLOT.setRelease(cells, cell, h + capacity); // sr: value load above is done. Pairs with la in offer.
                    return true;
                }
            } else if (stamp < h + 1) {
                return false;                                   // empty, or its producer has not published yet
            }
            // else another consumer took h: retry with a fresh head
        }
    }

    @Override
    public RingReader newReader() {
        return new Consumer();
    }

    @Override
    public long size() {
        return stableSize();
    }

    @Override
    public RingStats stats() {
        long size = size();
        long evicted = (long) DROPPED_OLDEST.getVolatile(this);
        return new RingStats((long) TAIL.getVolatile(this), (long) DROPPED_NEWEST.getVolatile(this), evicted,
                (long) HEAD.getVolatile(this) - evicted, size);
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
            int n = 0;
            while (n < max && take(dst, offset + n)) {
                n++;
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
            long h = (long) HEAD.getVolatile(MpmcSequenceRing.this);
            return (long) SLOT.getAcquire(cells, index(h)) == h + 1 || (reportOverflow && lossPending());
        }

        @Override
        public long lastLoss() {
            return lastLoss;
        }
    }

    @Override
    public String toString() {
        return "MpmcSequenceRing[" + config + "]";
    }
}
