package com.example.wakepath;

import io.wakepath.ring.Framing;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingReader;
import io.wakepath.ring.RingStats;
import io.wakepath.ring.Topology;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user's single-producer, single-consumer ring, as one would write it outside wakepath: a power-of-two array, a
 * tail the producer publishes with a release store, a head the consumer moves on with a release store once it has
 * read the slot. Correct: {@code ./wakepath check --target ring=com.example.wakepath.SpscArrayRing --classpath
 * examples/target/wakepath-examples.jar} comes out clean. {@link EarlyPublishRing} is the same ring with one bug.
 *
 * <p>What wakepath needs of a ring class: it implements {@link Ring}, has a public constructor taking a
 * {@link RingConfig}, and says what it supports in {@code public static final RingCapabilities CAPABILITIES}.
 */
public class SpscArrayRing implements Ring {
    public static final RingCapabilities CAPABILITIES =
            new RingCapabilities(Topology.SPSC, EnumSet.of(OverflowPolicy.DROP_NEWEST,
                    OverflowPolicy.REPORT_OVERFLOW), true, false);

    protected static final VarHandle HEAD;
    protected static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(SpscArrayRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(SpscArrayRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    protected final long[] buffer;
    protected final int mask;
    private final RingConfig config;
    protected long head;                 // written by the consumer only
    protected long tail;                 // written by the producer only
    private volatile long dropped;       // written by the producer only
    /** Refused events not yet reported (REPORT_OVERFLOW): the producer adds, the reader takes. */
    protected final AtomicLong unreported = new AtomicLong();
    private final boolean reports;
    private final boolean bytes;
    private int consumedBytes;           // consumer only: bytes of the head event already read (byte streams)
    private boolean readerGiven;

    public SpscArrayRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.buffer = new long[config.capacity()];
        this.mask = config.capacity() - 1;
        this.reports = config.policy() == OverflowPolicy.REPORT_OVERFLOW;
        this.bytes = config.framing() == Framing.BYTE_STREAM;
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public boolean offer(long event) {
        long t = (long) TAIL.getOpaque(this);
        if (t - (long) HEAD.getAcquire(this) == buffer.length) {      // pairs with the release of head in takeOne
            dropped = dropped + 1;                                    // single writer
            if (reports) {
                unreported.incrementAndGet();
            }
            return false;
        }
        write(t, event);
        return true;
    }

    /** Puts {@code event} in the slot of sequence {@code t}, then publishes it. */
    protected void write(long t, long event) {
        buffer[(int) t & mask] = event;
        publishTail(t + 1);
    }

    /** Makes the slot written before it visible with the new tail. */
    protected void publishTail(long t) {
        TAIL.setRelease(this, t);                                     // pairs with the acquire of tail in takeOne
    }

    /** Consumer: the event at the head into {@code dst[at]}, or false when there is none. */
    protected boolean takeOne(long[] dst, int at) {
        long h = (long) HEAD.getOpaque(this);
        if (h == (long) TAIL.getAcquire(this)) {
            return false;
        }
        dst[at] = buffer[(int) h & mask];
        HEAD.setRelease(this, h + 1);                                 // the slot is free only once it was read
        return true;
    }

    /**
     * Consumer, byte streams: copies up to {@code length} bytes of the events at the head (8 little-endian bytes
     * each), an event split across reads; the head moves past an event once its last byte is read.
     */
    protected int takeBytes(byte[] dst, int offset, int length) {
        int n = 0;
        while (n < length) {
            long h = (long) HEAD.getOpaque(this);
            if (h == (long) TAIL.getAcquire(this)) {
                break;
            }
            long event = buffer[(int) h & mask];
            int take = Math.min(Long.BYTES - consumedBytes, length - n);
            for (int i = 0; i < take; i++) {
                dst[offset + n + i] = (byte) (event >>> (8 * (consumedBytes + i)));
            }
            n += take;
            consumedBytes += take;
            if (consumedBytes == Long.BYTES || !keepsPartialEvent()) {
                consumedBytes = 0;
                HEAD.setRelease(this, h + 1);                         // the slot is free once all of it was read
            }
        }
        return n;
    }

    /** Whether a read that ends inside an event leaves the rest of it for the next read (a stream: it must). */
    protected boolean keepsPartialEvent() {
        return true;
    }

    /** Consumer: the events lost since the last report, taken (0 when none). */
    protected long takeLoss() {
        return unreported.getAndSet(0);
    }

    /** Consumer: whether a loss waits to be reported (the next read returns EOVERFLOW). */
    protected boolean lossPending() {
        return unreported.get() > 0;
    }

    /** Consumer: whether the next read finds an event. */
    protected boolean ready() {
        return (long) HEAD.getOpaque(this) != (long) TAIL.getAcquire(this);
    }

    @Override
    public synchronized RingReader newReader() {
        if (readerGiven) {
            throw new IllegalStateException("single consumer: the reader was given out already");
        }
        readerGiven = true;
        return new RingReader() {
            private long lastLoss;

            @Override
            public int read(long[] dst, int offset, int max) {
                if (bytes) {
                    throw new IllegalStateException("a byte stream: read bytes");
                }
                long lost = takeLoss();                               // a loss is reported before more data
                if (lost > 0) {
                    lastLoss = lost;
                    return EOVERFLOW;
                }
                int n = 0;
                while (n < max && takeOne(dst, offset + n)) {
                    n++;
                }
                return n;
            }

            @Override
            public int read(byte[] dst, int offset, int length) {
                if (!bytes) {
                    throw new IllegalStateException("frames: read events");
                }
                long lost = takeLoss();
                if (lost > 0) {
                    lastLoss = lost;
                    return EOVERFLOW;
                }
                return takeBytes(dst, offset, length);
            }

            @Override
            public boolean isReady() {
                return lossPending() || ready();
            }

            @Override
            public long lastLoss() {
                return lastLoss;
            }
        };
    }

    @Override
    public long size() {
        long h = (long) HEAD.getAcquire(this);
        long t = (long) TAIL.getAcquire(this);
        return Math.max(0, Math.min(buffer.length, t - h));
    }

    @Override
    public RingStats stats() {
        long h = (long) HEAD.getAcquire(this);
        long t = (long) TAIL.getAcquire(this);
        return new RingStats(t, dropped, 0, h, Math.max(0, t - h));
    }
}
