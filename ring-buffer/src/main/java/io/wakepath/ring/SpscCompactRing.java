package io.wakepath.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.function.LongConsumer;

/**
 * Single producer, single consumer, JCTools' {@code SpscArrayQueue} protocol on 4-byte slots: a slot holds
 * {@link #FREE} or the code of the event in it, so the slot alone says both "full" and "free" and neither side reads
 * the other's index.
 *
 * <ul>
 *   <li>The producer writes sequence {@code t} into a free slot and publishes it with a release; before that it makes
 *       sure the slot is free (a cached limit, re-checked {@code lookahead} slots ahead: a free slot there means every
 *       slot before it is free, since the consumer frees them in order; else the slot of {@code t} itself).</li>
 *   <li>The consumer takes sequence {@code s} when its slot holds a code, moves {@code head} past what it took, and
 *       then frees the slots with a release: the producer that finds a slot free has seen the read and the head.</li>
 *   <li>An event that fits an {@code int} travels in the slot as its low 32 bits xor {@link #KEY} (so that 0, the
 *       commonest event, is not the free code); a wider one, and the two whose code would be {@link #FREE} or
 *       {@link #ESCAPED}, go into a side array of {@code long}s by sequence (allocated on first need) with
 *       {@link #ESCAPED} in the slot, published by the slot's release. Every long is a valid event.</li>
 * </ul>
 *
 * <p>Why 4 bytes: a cache line then holds 16 events, as it holds 16 of JCTools' compressed references, where a
 * {@code long} slot holds 8 and a stamped cell 4; the two sides hand lines over half or a quarter as often. The cost
 * is on wide events: each also takes a store to and a load from the side array (timestamps and addresses are wide;
 * small counters, indices and ids are not).
 *
 * <p>Wait-free on both sides. 4 bytes per unit of capacity, 8 more once a wide event was offered. Frames with
 * DROP_NEWEST and REPORT_OVERFLOW; not DROP_OLDEST (only the consumer frees slots), byte streams or broadcast.
 *
 * @see SpscMarkedRing a consumer that never writes a slot, on {@code long} slots
 * @see SpscStampedRing the same hand-off through a stamp beside every {@code long} value
 */
public final class SpscCompactRing extends SharedReaderRing {
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.SPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false);
    /** What a slot the producer may write holds. */
    static final int FREE = 0;
    /** What a slot holds when its event is in the side array. */
    static final int ESCAPED = 1;
    /** An event that fits an int is stored xor this (golden-ratio bits): 0 and -1 travel in the slot. */
    static final int KEY = 0x9E3779B9;
    /** A slot's access: the slots of both compact rings are {@code int}s laid out by {@link #slotIndex}. */
    static final VarHandle CODE = MethodHandles.arrayElementVarHandle(int[].class);

    private final int[] codes;
    private final int mask;
    private final int lookahead;
    private long[] wide;                    // producer-allocated on first need: wide events by sequence

    public SpscCompactRing(RingConfig config) {
        super(config, CAPABILITIES);
        int capacity = config.capacity();
        this.mask = capacity - 1;
        this.codes = newCodes(capacity);
        this.lookahead = producerLookahead(capacity);
    }

    /**
     * The slots of a ring of {@code capacity} (a power of two), all {@link #FREE}. Not padded: see {@link #slotIndex}.
     */
    static int[] newCodes(int capacity) {
        return new int[capacity];
    }

    /**
     * Where the slot of {@code sequence} is: masked by the array's own length, a form C2 proves in bounds (it turns
     * {@code (x & (n - 1)) <u n} into {@code n > 0}), so no slot access pays a bounds check. That is why the slot array
     * has no padding at its ends, as the {@code long} rings' have: an index offset past the padding keeps the check.
     * Measured in the bench's single shape, interleaved rounds of one fork each: 0.99x JCTools without the check and
     * the padding, 0.88x with them (medians of 8 rounds; ahead in 7). What the array gives up: its first and last 16
     * slots may share a cache line with whatever objects the heap put beside it.
     */
    static int slotIndex(int[] codes, long sequence) {
        return (int) sequence & (codes.length - 1);
    }

    /** The slot code of {@code event}, or {@link #ESCAPED} when it must travel in the side array. */
    static int code(long event) {
        int code = (int) event ^ KEY;
        return event == (int) event && (code & ~ESCAPED) != FREE ? code : ESCAPED;   // code is neither 0 nor 1
    }

    /** The event of a slot code other than {@link #FREE} and {@link #ESCAPED}. */
    static long event(int code) {
        return code ^ KEY;                  // sign-extends: the event was an int
    }

    @Override
    public boolean offer(long event) {
        long t = tail;                                          // lp: only the producer writes tail
        if (t >= producerLimit && !claim(t)) {
            countDroppedNewestSingleProducer();                 // full
            return false;
        }
        int code = code(event);
        if (code == ESCAPED) {
            escape(t, event);
        }
        // The index is bookkeeping (size, stats), but it must move before the slot is handed over: a consumer that
        // takes the event, and then a size() that sees the consumer's head, must see this tail (else size < 0).
        TAIL.setRelease(this, t + 1);                           // so: pairs with lv of tail in stableSize
        CODE.setRelease(codes, slotIndex(codes, t), code);      // so: publishes the event (and wide). Pairs with la.
        return true;
    }

    /** Producer: finds free slots from {@code t} on, looking ahead first; false when slot {@code t} is not free. */
    private boolean claim(long t) {
        long ahead = t + lookahead;
        if ((int) CODE.getAcquire(codes, slotIndex(codes, ahead)) == FREE) {   // la: pairs with so in take
            producerLimit = ahead;                                            // every slot before it is free too
            return true;
        }
        return (int) CODE.getAcquire(codes, slotIndex(codes, t)) == FREE;      // la: pairs with so in take
    }

    /** Producer, for wide events: keeps the event where the consumer will look for it. */
    private void escape(long t, long event) {
        if (wide == null) {
            wide = new long[mask + 1];          // sp: published by the slot's release in offer
        }
        wide[(int) t & mask] = event;           // sp: the same; the slot was free, so its last reader is done
    }

    @Override
    SharedConsumer newConsumer() {
        return new Consumer();
    }

    /**
     * The consumer side: it reads {@code head} plainly (it alone moves it) and publishes it once per read, before
     * freeing the slots it took, so that a producer that reuses a slot, and then a size() that sees its tail, see the
     * head (else size > capacity).
     */
    private final class Consumer extends SharedConsumer {
        private final SpscCompactRing ring = SpscCompactRing.this;
        private final int[] codes = SpscCompactRing.this.codes;
        private final int mask = SpscCompactRing.this.mask;

        Consumer() {
            super(SpscCompactRing.this, config);
        }

        @Override
        int take(long[] dst, int offset, int max) {
            return take(dst, offset, null, max);
        }

        @Override
        int take(LongConsumer handler, int max) {
            return max == 1 ? takeOne(handler) : take(null, 0, handler, max);
        }

        /** One event straight to {@code handler}, its slot freed before the handler runs: taken also if it throws. */
        private int takeOne(LongConsumer handler) {
            long h = ring.head;                                 // lp: only this consumer moves head
            int slot = slotIndex(codes, h);
            int code = (int) CODE.getAcquire(codes, slot);      // la: pairs with so in offer
            if (code == FREE) {
                return 0;
            }
            long event = code == ESCAPED ? ring.wide[(int) h & mask] : event(code);   // lp: after la
            HEAD.setRelease(ring, h + 1);                       // so: pairs with lv of head in stableSize
            CODE.setRelease(codes, slot, FREE);                 // so: read. Pairs with la in claim.
            handler.accept(event);
            return 1;
        }

        /**
         * Both reads in one loop: into {@code dst} from {@code offset}, or, when {@code dst} is null, straight from
         * the slot to {@code handler} (each caller passes a constant null, so the compiled read keeps one path).
         * The slots taken are freed after the loop, also when the handler throws: the event it threw on is taken.
         */
        private int take(long[] dst, int offset, LongConsumer handler, int max) {
            long h = ring.head;                                 // lp: only this consumer moves head
            int code = (int) CODE.getAcquire(codes, slotIndex(codes, h));     // la: pairs with so in offer
            if (code == FREE) {
                return 0;
            }
            int limit = Math.min(max, mask + 1);                // a lap at most: its slots are freed after the loop
            int n = 0;
            try {
                do {
                    long event = code == ESCAPED ? ring.wide[(int) (h + n) & mask] : event(code);  // lp: after la
                    n++;                                        // taken, also if the handler throws on it
                    if (dst != null) {
                        dst[offset + n - 1] = event;
                    } else {
                        handler.accept(event);
                    }
                } while (n < limit && (code = (int) CODE.getAcquire(codes, slotIndex(codes, h + n))) != FREE);  // la
            } finally {
                HEAD.setRelease(ring, h + n);                   // so: pairs with lv of head in stableSize
                for (int i = 0; i < n; i++) {
                    CODE.setRelease(codes, slotIndex(codes, h + i), FREE);  // so: read. Pairs with la in claim.
                }
            }
            return n;
        }

        @Override
        boolean hasEvent() {
            long h = (long) HEAD.getOpaque(ring);               // readiness may be asked from another thread
            return (int) CODE.getAcquire(codes, slotIndex(codes, h)) != FREE;   // la: pairs with so in offer
        }
    }
}
