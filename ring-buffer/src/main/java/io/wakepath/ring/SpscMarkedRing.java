package io.wakepath.ring;

import java.util.Arrays;
import java.util.EnumSet;

/**
 * Single producer, single consumer, one {@code long} per slot, the "full" signal in the slot itself and the "free"
 * signal in the consumer's index, so that the consumer never writes a slot. A slot holds an event or the marker
 * {@link #EMPTY} ("nothing published here yet").
 *
 * <ul>
 *   <li>The consumer takes sequence {@code s} when its slot holds something other than the marker; it only reads
 *       slots, and publishes how far it got through {@code head}.</li>
 *   <li>The producer writes sequence {@code t} while {@code t < head + capacity} (a cached copy of {@code head},
 *       re-read when reached, as kfifo does), and before it publishes {@code t} it stores the marker in the next slot:
 *       whatever that slot held from an earlier lap, the consumer, which looks at it only after taking {@code t},
 *       finds the marker there and not a stale event.</li>
 *   <li>There are twice as many slots as events ({@code 2 * capacity}), so that next slot is always one the consumer
 *       has finished with (its last sequence is at least {@code capacity} below the oldest event in the ring).</li>
 * </ul>
 *
 * <p>JCTools' {@code SpscArrayQueue} signals both ways through the slot ({@code null} = free), so its consumer writes
 * every slot it reads and the producer takes the line back from it; here a line of 8 events goes from the producer to
 * the consumer and never back, and neither side reads a line the other is writing except where they meet.
 *
 * <p>An event equal to the marker, or to the escape code {@code EMPTY + 1}, cannot travel in the slot: the producer
 * puts it in a side array (allocated on first need) and the escape code in the slot, published by the same release,
 * and the consumer takes it from there. Every long is a valid event.
 *
 * <p>Wait-free on both sides. 16 bytes per unit of capacity (8 per slot, twice the slots), up to
 * {@value #MAX_CAPACITY} events. Frames with DROP_NEWEST and REPORT_OVERFLOW; not DROP_OLDEST (only the consumer
 * moves {@code head}), byte streams or broadcast.
 *
 * @see SpscStampedRing both signals in the slot: a sequence stamp beside every value
 */
public final class SpscMarkedRing extends SharedReaderRing {
    /** Twice the slots must fit in a Java array. */
    static final int MAX_CAPACITY = RingConfig.MAX_CAPACITY / 2;
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.SPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false)
            .withMaxCapacity(MAX_CAPACITY);
    /** What an unpublished slot holds: far from the small numbers, timestamps and ids events usually are. */
    static final long EMPTY = 0x9E3779B97F4A7C15L;
    /** What a slot holds for an event equal to {@link #EMPTY} or to this code itself. */
    static final long ESCAPED = EMPTY + 1;

    private final long[] slots;
    private final int slotMask;          // 2 * capacity - 1
    private final int capacity;
    private long[] escaped;              // producer-allocated on first need: escaped events by sequence

    public SpscMarkedRing(RingConfig config) {
        super(config, CAPABILITIES);
        this.capacity = config.capacity();
        this.slotMask = 2 * capacity - 1;
        this.slots = paddedSlots(2 * capacity, 1);
        Arrays.fill(slots, EMPTY);             // sp: published with the ring, as CellRing.stampCellsFree explains
    }

    private int index(long sequence) {
        return slotIndex(sequence, slotMask);
    }

    /** Where the slot of {@code sequence} is, for {@code slotMask + 1} slots. */
    private static int slotIndex(long sequence, int slotMask) {
        return ARRAY_PAD + ((int) sequence & slotMask);
    }

    /** Where {@code sequence}'s escaped event is kept: one place per unit of capacity, its last user already read. */
    private int escapedIndex(long sequence) {
        return (int) sequence & (capacity - 1);
    }

    @Override
    public boolean offer(long event) {
        long t = tail;                                          // lp: only the producer writes tail
        if (t >= producerLimit && !claim(t)) {
            countDroppedNewestSingleProducer();                 // full
            return false;
        }
        long code = event;
        if (Long.compareUnsigned(event - EMPTY, 2) < 0) {       // the event is EMPTY or ESCAPED
            escape(t, event);
            code = ESCAPED;
        }
        SLOT.setOpaque(slots, index(t + 1), EMPTY);             // the next slot's marker, published by so below
        // The index is bookkeeping (size, stats), but it must move before the slot is handed over: a consumer that
        // takes the event, and then a size() that sees the consumer's head, must see this tail (else size < 0).
        TAIL.setRelease(this, t + 1);               // so: pairs with lv of tail in stableSize
        SLOT.setRelease(slots, index(t), code);     // so: publishes the event, the next marker, escaped. Pairs with la.
        return true;
    }

    /** Producer: re-reads the consumer's head; false when sequence {@code t} would overrun it. */
    private boolean claim(long t) {
        long limit = (long) HEAD.getAcquire(this) + capacity;  // la: the consumer's reads came first. Pairs with so.
        producerLimit = limit;
        return t < limit;
    }

    /** Producer, rare: keeps an event that looks like the marker where the consumer will look for it. */
    private void escape(long t, long event) {
        if (escaped == null) {
            escaped = new long[capacity];                       // sp: published by the slot's release in offer
        }
        escaped[escapedIndex(t)] = event;                       // sp: the same; its last reader moved head past it
    }

    @Override
    SharedConsumer newConsumer() {
        return new Consumer();
    }

    /**
     * The consumer side. It keeps the slots, their mask and its own copy of {@code head} (it is the only one to move
     * head): a read then starts from this handle alone, one pointer load fewer before the first slot than through
     * the ring.
     */
    private final class Consumer extends SharedConsumer {
        private final long[] slots = SpscMarkedRing.this.slots;
        private final int slotMask = SpscMarkedRing.this.slotMask;
        private long position;                              // = head: only this consumer moves head

        Consumer() {
            super(SpscMarkedRing.this, config);
        }

        @Override
        int take(long[] dst, int offset, int max) {
            long h = position;                              // lp: only this consumer moves head
            long code = code(h);
            if (code == EMPTY) {
                return 0;
            }
            int n = 0;
            do {
                dst[offset + n] = code == ESCAPED ? escaped[escapedIndex(h + n)] : code;  // lp: after la
                n++;
            } while (n < max && (code = code(h + n)) != EMPTY);
            position = h + n;                               // sp: read by this consumer only
            HEAD.setRelease(SpscMarkedRing.this, h + n);    // so: the slots are read. Pairs with la in claim.
            return n;
        }

        @Override
        boolean hasEvent() {
            return code(position) != EMPTY;
        }

        /** What the slot of sequence {@code s} holds: the marker until the producer publishes an event there. */
        private long code(long s) {
            return (long) SLOT.getAcquire(slots, slotIndex(s, slotMask));   // la: pairs with so in offer
        }
    }
}
