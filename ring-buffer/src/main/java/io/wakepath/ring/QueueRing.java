package io.wakepath.ring;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Any {@link java.util.Queue} as a ring, so that the ring catalogue checks a user's queue as it is: {@code offer} is
 * {@link Queue#offer}, a read is {@link Queue#poll}, readiness is {@code !}{@link Queue#isEmpty()}, the size is
 * {@link Queue#size()} as the queue reports it (not clamped: the size tests check its bounds).
 *
 * <h2>What travels</h2>
 * Each event is carried in an {@link Element} whose two fields are plain and written before {@code offer}: the event
 * and its complement. A reader that takes an element must see both (the queue's offer happens-before the poll that
 * returns the element); a reader that sees the element but not its contents reads {@link #TORN} instead of an event,
 * which every test and the chain's ledger count as wrong. This is the publication property of the queue's
 * <em>elements</em>, the one its users rely on, not only of its slots.
 *
 * <h2>What this adapter adds</h2>
 * Nothing between producer and consumer: no lock, no fence, no shared counter they both read. The accounting is two
 * {@link LongAdder}s, each written by one side only. A full queue ({@code offer} false) is a dropped event
 * ({@link OverflowPolicy#DROP_NEWEST}); frames only, shared readers only. A single-consumer topology hands out one
 * reader handle.
 */
public final class QueueRing implements Ring {
    /** What a read returns for an element whose contents it could not see whole. */
    public static final long TORN = Long.MIN_VALUE;

    private final RingConfig config;
    private final Queue<Object> queue;
    private final boolean singleConsumer;
    private final AtomicBoolean readerTaken = new AtomicBoolean();
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder consumed = new LongAdder();

    /**
     * @param config       the ring's shape, refused when {@code capabilities} do not cover it
     * @param capabilities what the queue was found to support (its topology, its smallest exact capacity)
     * @param queue        a new, empty queue made for {@code config.capacity()}
     */
    public QueueRing(RingConfig config, RingCapabilities capabilities, Queue<Object> queue) {
        capabilities.require(QueueRing.class, config);
        this.config = config;
        this.queue = queue;
        this.singleConsumer = !capabilities.topology().multiConsumer();
    }

    /** An event in an object, as a queue's users pass them: plain fields, written before the offer. */
    public static final class Element {
        private long event;
        private long complement;

        private Element() {
        }

        /** A new element carrying {@code event}: both fields written here, before the caller offers it. */
        public static Element of(long event) {
            Element element = new Element();
            element.event = event;
            element.complement = ~event;
            return element;
        }

        /** The event, or {@link #TORN} when its two fields disagree (the element was seen before its contents). */
        public long read() {
            long e = event;
            return complement == ~e ? e : TORN;
        }
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public boolean offer(long event) {
        if (queue.offer(Element.of(event))) {
            enqueued.increment();
            return true;
        }
        refused.increment();
        return false;
    }

    @Override
    public RingReader newReader() {
        if (singleConsumer && !readerTaken.compareAndSet(false, true)) {
            throw new IllegalStateException("a single-consumer queue has one reader handle, already given out");
        }
        return new Reader();
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public RingStats stats() {
        return new RingStats(enqueued.sum(), refused.sum(), 0, consumed.sum(), queue.size());
    }

    @Override
    public String toString() {
        return "QueueRing(" + queue.getClass().getName() + ")";
    }

    private final class Reader implements RingReader {
        @Override
        public int read(long[] dst, int offset, int max) {
            RingReads.checkFrames(config, dst, offset, max);
            int n = 0;
            while (n < max) {
                Object taken = queue.poll();
                if (taken == null) {
                    break;
                }
                dst[offset + n++] = ((Element) taken).read();
            }
            if (n > 0) {
                consumed.add(n);
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
            return !queue.isEmpty();
        }

        @Override
        public long lastLoss() {
            return 0;
        }
    }
}
