package io.wakepath.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;

import static io.wakepath.ring.SpscCompactRing.CODE;
import static io.wakepath.ring.SpscCompactRing.ESCAPED;
import static io.wakepath.ring.SpscCompactRing.FREE;
import static io.wakepath.ring.SpscCompactRing.slotIndex;

/**
 * Many producers, one consumer, on {@link SpscCompactRing}'s 4-byte slots: a slot holds
 * {@link SpscCompactRing#FREE} or the code of the event in it, 16 events a cache line.
 *
 * <ul>
 *   <li>Producers claim a sequence by compare-and-set on {@code tail}, checked against a cached
 *       {@code head + capacity} shared by all of them (JCTools' {@code MpscArrayQueue}: one load of {@code head} per
 *       lap, not per offer), write the event's code into the slot and publish it with a release.</li>
 *   <li>The consumer takes sequence {@code s} when its slot holds a code, frees the slots it took and only then
 *       publishes {@code head}: producers trust {@code head}, not the slots, so a slot is free before any producer
 *       may claim it again. (The single-producer ring frees after moving {@code head}; its producer checks the slot.)
 *       </li>
 *   <li>Events wider than an {@code int} (and the two ints whose codes are taken) travel in a side array of
 *       {@code long}s by sequence, with {@link SpscCompactRing#ESCAPED} in the slot, as in the single-producer ring;
 *       the array is allocated on first need by whichever producer needs it (a compare-and-set: one array).</li>
 * </ul>
 *
 * <p>Producers are lock-free (a failed compare-and-set means another producer progressed); the consumer is wait-free.
 * A producer that stalls between its claim and its release holds up the consumer at that slot: the ring then reads
 * as empty there, consistently for {@code read} and {@code isReady}. 4 bytes per unit of capacity, 8 more once a wide
 * event was offered. Frames with DROP_NEWEST and REPORT_OVERFLOW; not DROP_OLDEST, byte streams or broadcast.
 *
 * @see MpscSequenceRing the same claim with a stamp beside every {@code long} value (4 events a line)
 */
public final class MpscCompactRing extends SharedReaderRing {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.MPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false);
    private static final VarHandle WIDE;

    static {
        try {
            WIDE = MethodHandles.lookup().findVarHandle(MpscCompactRing.class, "wide", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int[] codes;
    private final int mask;
    private final int capacity;
    private long[] wide;                     // allocated on first need: wide events by sequence

    public MpscCompactRing(RingConfig config) {
        super(config, CAPABILITIES);
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.codes = SpscCompactRing.newCodes(capacity);
    }

    @Override
    public boolean offer(long event) {
        long limit = (long) PRODUCER_LIMIT.getAcquire(this);   // la: pairs with so below (what its writer acquired)
        long t;
        do {
            t = (long) TAIL.getVolatile(this);
            if (t >= limit) {
                limit = (long) HEAD.getAcquire(this) + capacity;  // la: pairs with so in take (slots freed first)
                if (t >= limit) {
                    countDroppedNewest();
                    return false;
                }
                PRODUCER_LIMIT.setRelease(this, limit);         // a racing, lower limit only costs another head load
            }
        } while (!TAIL.compareAndSet(this, t, t + 1));
        int code = SpscCompactRing.code(event);
        if (code == ESCAPED) {
            wideArray()[(int) t & mask] = event;                // sp: published by the slot's release below
        }
        CODE.setRelease(codes, slotIndex(codes, t), code);       // so: publishes the event. Pairs with la in take.
        return true;
    }

    /** Producer: the side array, made by the first producer that needs it. */
    private long[] wideArray() {
        long[] w = (long[]) WIDE.getAcquire(this);
        if (w == null) {
            WIDE.compareAndSet(this, null, new long[mask + 1]);
            w = (long[]) WIDE.getAcquire(this);
        }
        return w;
    }

    @Override
    SharedConsumer newConsumer() {
        return new Consumer();
    }

    private final class Consumer extends SharedConsumer {
        private final MpscCompactRing ring = MpscCompactRing.this;
        private final int[] codes = MpscCompactRing.this.codes;
        private final int mask = MpscCompactRing.this.mask;

        Consumer() {
            super(MpscCompactRing.this, config);
        }

        @Override
        int take(long[] dst, int offset, int max) {
            long h = ring.head;                                 // lp: only this consumer moves head
            int limit = Math.min(max, mask + 1);
            int n = 0;
            int code;
            // As spsc-compact's loop, but for the order of the frees and head below. The side array is read after
            // each slot's acquire, never before the loop: a producer may make it while this read is under way.
            while (n < limit && (code = (int) CODE.getAcquire(codes, slotIndex(codes, h + n))) != FREE) {  // la
                dst[offset + n] = code == ESCAPED ? ring.wide[(int) (h + n) & mask]   // lp: after la
                        : SpscCompactRing.event(code);
                n++;
            }
            if (n == 0) {
                return 0;
            }
            for (int i = 0; i < n; i++) {
                CODE.setRelease(codes, slotIndex(codes, h + i), FREE);  // so: read, then free
            }
            HEAD.setRelease(ring, h + n);                       // so: the slots are free. Pairs with la in offer.
            return n;
        }

        @Override
        boolean hasEvent() {
            long h = (long) HEAD.getOpaque(ring);               // readiness may be asked from another thread
            return (int) CODE.getAcquire(codes, slotIndex(codes, h)) != FREE;  // la
        }
    }
}
