package io.wakepath.ring;

import java.lang.invoke.VarHandle;
import java.util.EnumSet;

/**
 * The single-producer single-consumer ring of the kernel's {@code kfifo} and
 * {@code Documentation/core-api/circular-buffers.rst}: the producer writes a slot and then advances {@code tail};
 * the consumer reads slots below {@code tail} and then advances {@code head}. Each side owns one index, reads the
 * other's only when its cached copy says the ring is full (producer) or empty (consumer), and never writes it.
 * Wait-free on both sides.
 *
 * <p>The subclasses differ only in the ordering of the four index hand-offs ({@link #publish},
 * {@link #observeTail}, {@link #releaseHead}, {@link #observeHead}): release/acquire, volatile, or plain.
 *
 * <p>Broadcast readers are lapped by the producer, seqlock style: a reader copies slots, then re-reads
 * {@code tail}; any slot the producer may have started to overwrite meanwhile is reported lost. Because the
 * producer may be writing the slot of {@code tail - capacity} at any moment, a broadcast reader keeps at most
 * {@code capacity - 1} unread events.
 *
 * <p>Supports frames and byte streams with DROP_NEWEST and REPORT_OVERFLOW, and broadcast. Not DROP_OLDEST with
 * shared readers: only the consumer may advance {@code head}.
 */
abstract class SpscRing extends PaddedRingIndices implements Ring {
    static final RingCapabilities SPSC_CAPABILITIES = new RingCapabilities(Topology.SPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), true, true);

    private final RingConfig config;
    final long[] buffer;
    private final int mask;
    private final int capacity;
    private final boolean broadcast;
    private boolean sharedReaderTaken;

    SpscRing(RingConfig config) {
        SPSC_CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.buffer = paddedSlots(capacity, 1);
        this.broadcast = config.readers() == ReaderMode.BROADCAST;
    }

    // ---- the index hand-offs: the only place the SPSC strategies differ

    /** Producer: writes {@code event} into {@code buffer[index]}, then makes {@code newTail} visible. */
    abstract void publish(long[] buffer, int index, long event, long newTail);

    /** Consumer: the producer's tail. Pairs with {@link #publish}. */
    abstract long observeTail();

    /** Consumer: frees every slot below {@code newHead}. Pairs with {@link #observeHead}. */
    abstract void releaseHead(long newHead);

    /** Producer: the consumer's head. Pairs with {@link #releaseHead}. */
    abstract long observeHead();

    final int index(long sequence) {
        return ARRAY_PAD + ((int) sequence & mask);
    }

    @Override
    public final RingConfig config() {
        return config;
    }

    @Override
    public final boolean offer(long event) {
        long t = tail;                                 // lp: only the producer writes tail
        if (broadcast) {
            // Orders the store of tail == t (by the previous publish) before the overwrite of the slot of
            // t - capacity below: a reader that sees the new slot value then sees tail >= t.
            // Pairs with the acquireFence in BroadcastReader.read.
            VarHandle.releaseFence();
        } else if (t >= producerLimit) {
            long limit = observeHead() + capacity;
            if (t >= limit) {
                countDroppedNewestSingleProducer();                 // full
                return false;
            }
            producerLimit = limit;
        }
        publish(buffer, index(t), event, t + 1);
        return true;
    }

    @Override
    public final synchronized RingReader newReader() {
        if (broadcast) {
            return new BroadcastReader(observeTail());
        }
        if (sharedReaderTaken) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " has a single consumer: its one shared reader handle is already taken");
        }
        sharedReaderTaken = true;
        return new SharedReader();
    }

    @Override
    public final long size() {
        if (broadcast) {
            return Math.min((long) TAIL.getVolatile(this), capacity);
        }
        return stableSize();
    }

    @Override
    public final RingStats stats() {
        if (broadcast) {
            long enqueued = (long) TAIL.getVolatile(this);
            return new RingStats(enqueued, 0, Math.max(0, enqueued - capacity), 0, Math.min(enqueued, capacity));
        }
        return sharedStats();
    }

    /** The one shared consumer. */
    private final class SharedReader extends SharedConsumer {
        SharedReader() {
            super(SpscRing.this, config);
        }

        @Override
        int take(long[] dst, int offset, int max) {
            long h = head;                             // lp: only the consumer writes head
            long available = consumerLimit - h;
            if (available < max) {
                consumerLimit = observeTail();
                available = consumerLimit - h;
                if (available == 0) {
                    return 0;
                }
            }
            int n = (int) Math.min(available, max);
            for (int i = 0; i < n; i++) {
                dst[offset + i] = buffer[index(h + i)];  // lp: ordered after observeTail, before releaseHead
            }
            releaseHead(h + n);
            return n;
        }

        @Override
        int takeBytes(byte[] dst, int offset, int length) {
            long h = head;
            long t = observeTail();
            int b = headByte;
            int n = 0;
            while (n < length && h < t) {
                int take = Math.min(Long.BYTES - b, length - n);
                RingReads.copyBytes(buffer[index(h)], b, dst, offset + n, take);
                n += take;
                b += take;
                if (b == Long.BYTES) {
                    b = 0;
                    h++;
                }
            }
            headByte = b;
            if (h != head) {
                releaseHead(h);                        // a partly read event keeps its slot
            }
            return n;
        }

        @Override
        boolean hasEvent() {
            return head != observeTail();
        }
    }

    /** A broadcast reader: a cursor of its own; validates what it copied against the producer's progress. */
    private final class BroadcastReader implements RingReader {
        long cursor;
        long lastLoss;

        BroadcastReader(long cursor) {
            this.cursor = cursor;
        }

        @Override
        public int read(long[] dst, int offset, int max) {
            RingReads.checkFrames(config, dst, offset, max);
            if (max == 0) {
                return 0;
            }
            long c = cursor;
            long t = observeTail();
            int n = (int) Math.max(0, Math.min(t - c, max));
            if (c > t - capacity) {                    // else already lapped: nothing to copy
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = (long) SLOT.getOpaque(buffer, index(c + i));
                }
            }
            // Orders the slot loads above before the tail load below: if a load saw an overwrite, the tail load
            // sees the tail the producer published before it. Pairs with the releaseFence in offer.
            VarHandle.acquireFence();
            long oldestIntact = observeTail() - capacity + 1;   // the slot of tail - capacity may be mid-overwrite
            if (c < oldestIntact) {
                lastLoss = oldestIntact - c;
                cursor = oldestIntact;
                return EOVERFLOW;
            }
            cursor = c + n;
            return n;
        }

        @Override
        public int read(byte[] dst, int offset, int length) {
            throw new IllegalStateException("broadcast rings hold frames: read(long[], int, int)");
        }

        @Override
        public boolean isReady() {
            return observeTail() != cursor;
        }

        @Override
        public long lastLoss() {
            return lastLoss;
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config + "]";
    }
}
