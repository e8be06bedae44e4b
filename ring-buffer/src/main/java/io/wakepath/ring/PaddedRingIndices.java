package io.wakepath.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * The producer's and the consumer's indices on cache lines of their own. HotSpot lays out a superclass's fields
 * before its subclass's, so an inheritance chain keeps the groups apart; 128 bytes (16 longs) of padding on each
 * side also defeats the adjacent-line prefetcher. The lock-free rings extend PaddedRingIndices.
 */

abstract class RingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07;    // 64 bytes
    long p08, p09, p10, p11, p12, p13, p14, p15;    // 128 bytes
}

/** Written by the producer side. */
abstract class RingProducerIndices extends RingPad0 {
    long tail;            // sequence of the next event to offer
    long producerLimit;   // producer's cache of head + capacity: the opposite index is read only when reached
    long droppedNewest;   // events refused because the ring was full
    long droppedOldest;   // events evicted by the producer (DROP_OLDEST)
}

abstract class RingPad1 extends RingProducerIndices {
    long p16, p17, p18, p19, p20, p21, p22, p23;    // 64 bytes
    long p24, p25, p26, p27, p28, p29, p30, p31;    // 128 bytes
}

/** Written by the consumer side. */
abstract class RingConsumerIndices extends RingPad1 {
    long head;            // sequence of the next event to read
    long consumerLimit;   // consumer's cache of tail: the opposite index is read only when reached
    long reportedDrops;   // REPORT_OVERFLOW: droppedNewest already reported by an EOVERFLOW
    int headByte;         // byte stream: bytes of the head event already read
}

abstract class RingPad2 extends RingConsumerIndices {
    long p32, p33, p34, p35, p36, p37, p38, p39;    // 64 bytes
    long p40, p41, p42, p43, p44, p45, p46, p47;    // 128 bytes
}

/** The VarHandles of the index fields and of the slot arrays, and the padded slot layout. */
abstract class PaddedRingIndices extends RingPad2 {
    static final VarHandle TAIL;
    static final VarHandle HEAD;
    static final VarHandle PRODUCER_LIMIT;
    static final VarHandle DROPPED_NEWEST;
    static final VarHandle DROPPED_OLDEST;
    static final VarHandle REPORTED_DROPS;
    static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    /** Slots of padding at each end of a slot array: 128 bytes, so no neighbouring object shares its lines. */
    static final int ARRAY_PAD = 16;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(RingProducerIndices.class, "tail", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(RingProducerIndices.class, "producerLimit", long.class);
            DROPPED_NEWEST = lookup.findVarHandle(RingProducerIndices.class, "droppedNewest", long.class);
            DROPPED_OLDEST = lookup.findVarHandle(RingProducerIndices.class, "droppedOldest", long.class);
            HEAD = lookup.findVarHandle(RingConsumerIndices.class, "head", long.class);
            REPORTED_DROPS = lookup.findVarHandle(RingConsumerIndices.class, "reportedDrops", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A slot array of {@code capacity} slots of {@code longsPerSlot} longs each, padded at both ends. */
    static long[] paddedSlots(int capacity, int longsPerSlot) {
        return new long[capacity * longsPerSlot + 2 * ARRAY_PAD];
    }

    /**
     * REPORT_OVERFLOW, reader side: the drops not yet reported, now marked reported; 0 when there are none. Several
     * readers may race: the one whose compare-and-set wins reports them, exactly once.
     */
    final long takeLoss() {
        long dropped = (long) DROPPED_NEWEST.getOpaque(this);
        long reported = (long) REPORTED_DROPS.getVolatile(this);
        while (dropped > reported) {
            if (REPORTED_DROPS.compareAndSet(this, reported, dropped)) {
                return dropped - reported;
            }
            reported = (long) REPORTED_DROPS.getVolatile(this);
        }
        return 0;
    }

    /** REPORT_OVERFLOW: whether drops are waiting to be reported (the sticky flag poll shows as ERR). */
    final boolean lossPending() {
        return (long) DROPPED_NEWEST.getOpaque(this) > (long) REPORTED_DROPS.getVolatile(this);
    }

    /** Producer side, ring full: counts a refused event (atomically: several producers may race). */
    final void countDroppedNewest() {
        DROPPED_NEWEST.getAndAdd(this, 1L);
    }

    /** The same for a ring with one producer: only it writes the counter, so a plain increment published opaquely. */
    final void countDroppedNewestSingleProducer() {
        DROPPED_NEWEST.setOpaque(this, droppedNewest + 1);
    }

    /**
     * The accounting of a ring with shared readers, from its indices: tail counts accepted events, head counts
     * events that left the ring (read, or evicted and counted in droppedOldest).
     */
    final RingStats sharedStats() {
        long size = stableSize();
        long evicted = (long) DROPPED_OLDEST.getVolatile(this);
        return new RingStats((long) TAIL.getVolatile(this), (long) DROPPED_NEWEST.getVolatile(this), evicted,
                (long) HEAD.getVolatile(this) - evicted, size);
    }

    /**
     * Size from two racing indices without ever going negative or above capacity: the head is read before and after
     * the tail until it did not move, so the tail was read while the head had that value (and tail >= head then).
     */
    final long stableSize() {
        long after = (long) HEAD.getVolatile(this);
        while (true) {
            long before = after;
            long tailNow = (long) TAIL.getVolatile(this);
            after = (long) HEAD.getVolatile(this);
            if (before == after) {
                return tailNow - after;
            }
        }
    }
}
