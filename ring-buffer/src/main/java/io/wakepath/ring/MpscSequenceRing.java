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
public final class MpscSequenceRing extends CellRing {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.MPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false);

    public MpscSequenceRing(RingConfig config) {
        super(config, CAPABILITIES);
    }

    @Override
    public boolean offer(long event) {
        long limit = (long) PRODUCER_LIMIT.getVolatile(this);
        long t;
        do {
            t = (long) TAIL.getVolatile(this);
            if (t >= limit) {
                limit = (long) HEAD.getAcquire(this) + capacity;  // la: pairs with so in read (cells freed)
                if (t >= limit) {
                    countDroppedNewest();
                    return false;
                }
                PRODUCER_LIMIT.setRelease(this, limit);  // a racing, lower limit only costs another head load
            }
        } while (!TAIL.compareAndSet(this, t, t + 1));
        int cell = index(t);
        SLOT.setOpaque(cells, cell + 1, event);
        SLOT.setRelease(cells, cell, t + 1);        // so: publishes the value above. Pairs with la in read/isReady.
        return true;
    }

    @Override
    SharedConsumer newConsumer() {
        return new Consumer();
    }

    private final class Consumer extends SharedConsumer {
        Consumer() {
            super(MpscSequenceRing.this, config);
        }

        @Override
        int take(long[] dst, int offset, int max) {
            long h = head;                                  // lp: only the consumer writes head
            int n = 0;
            while (n < max) {
                int cell = index(h + n);
                if ((long) SLOT.getAcquire(cells, cell) != h + n + 1) {  // la: pairs with so in offer
                    break;
                }
                dst[offset + n] = cells[cell + 1];          // lp: ordered after the stamp load
                n++;
            }
            if (n > 0) {
                HEAD.setRelease(MpscSequenceRing.this, h + n);  // so: value loads above are done. Pairs with la in offer.
            }
            return n;
        }

        @Override
        boolean hasEvent() {
            long h = head;
            return (long) SLOT.getAcquire(cells, index(h)) == h + 1;
        }
    }
}
