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
public final class MpmcSequenceRing extends CellRing {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.MPMC,
            EnumSet.allOf(OverflowPolicy.class), false, false);

    private final boolean dropOldest;

    public MpmcSequenceRing(RingConfig config) {
        super(config, CAPABILITIES);
        this.dropOldest = config.policy() == OverflowPolicy.DROP_OLDEST;
        stampCellsFree();
    }

    @Override
    public boolean offer(long event) {
        while (true) {
            long t = (long) TAIL.getVolatile(this);
            int cell = index(t);
            long stamp = (long) SLOT.getAcquire(cells, cell);  // la: pairs with so in takeOne (cell freed)
            if (stamp == t) {
                if (TAIL.compareAndSet(this, t, t + 1)) {
                    SLOT.setOpaque(cells, cell + 1, event);
                    SLOT.setRelease(cells, cell, t + 1);       // so: publishes the value. Pairs with la in takeOne.
                    return true;
                }
            } else if (stamp < t) {                             // still holds sequence t - capacity: full
                long oldest = t - capacity;
                if (dropOldest && stamp == oldest + 1 && HEAD.compareAndSet(this, oldest, oldest + 1)) {
                    // Evicted the oldest: published, and no consumer had claimed it. Free its cell for
                    // sequence t as a consumer would, then retry the claim.
                    SLOT.setRelease(cells, cell, t);            // so: pairs with la above (the next claim of t)
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
    private boolean takeOne(long[] dst, int at) {
        while (true) {
            long h = (long) HEAD.getVolatile(this);
            int cell = index(h);
            long stamp = (long) SLOT.getAcquire(cells, cell);  // la: pairs with so in offer (value published)
            if (stamp == h + 1) {
                if (HEAD.compareAndSet(this, h, h + 1)) {
                    dst[at] = cells[cell + 1];                  // lp: ordered after the stamp load
                    SLOT.setRelease(cells, cell, h + capacity); // so: value load above is done. Pairs with la in offer.
                    return true;
                }
            } else if (stamp < h + 1) {
                return false;                                   // empty, or its producer has not published yet
            }
            // else another consumer took h: retry with a fresh head
        }
    }

    @Override
    SharedConsumer newConsumer() {
        return new Consumer();
    }

    private final class Consumer extends SharedConsumer {
        Consumer() {
            super(MpmcSequenceRing.this, config);
        }

        @Override
        int take(long[] dst, int offset, int max) {
            int n = 0;
            while (n < max && takeOne(dst, offset + n)) {
                n++;
            }
            return n;
        }

        @Override
        boolean hasEvent() {
            long h = (long) HEAD.getVolatile(MpmcSequenceRing.this);
            return (long) SLOT.getAcquire(cells, index(h)) == h + 1;
        }
    }
}
