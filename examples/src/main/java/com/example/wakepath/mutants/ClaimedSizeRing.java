package com.example.wakepath.mutants;

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
 * Readiness from two racy index reads. A multi-producer, single-consumer ring whose producers claim a sequence by
 * CAS on the tail and only then fill the cell and mark it full (the cell's stamp). Offer and read are correct; but
 * {@code size()} is {@code tail - head} from two separate reads, unclamped, and {@code isReady()} is
 * {@code size() > 0}: a claimed cell that is not filled yet counts. The single reader is told "ready" and its read
 * finds nothing (IN, then EAGAIN); and a size read while the other side moves can go negative.
 */
public class ClaimedSizeRing implements Ring {
    public static final RingCapabilities CAPABILITIES =
            new RingCapabilities(Topology.MPSC, EnumSet.of(OverflowPolicy.DROP_NEWEST), false, false);

    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle STAMPS = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(ClaimedSizeRing.class, "head", long.class);
            TAIL = lookup.findVarHandle(ClaimedSizeRing.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RingConfig config;
    private final long[] values;
    private final long[] stamps;                    // cell i holds sequence s when stamps[i] == s + 1
    private final int mask;
    private long head;                              // consumer only; read by producers and size()
    private long tail;                              // claimed by producers (CAS)
    private final AtomicLong dropped = new AtomicLong();
    private boolean readerGiven;

    public ClaimedSizeRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.values = new long[config.capacity()];
        this.stamps = new long[config.capacity()];
        this.mask = config.capacity() - 1;
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public boolean offer(long event) {
        long t;
        do {
            t = (long) TAIL.getVolatile(this);
            if (t - (long) HEAD.getAcquire(this) >= values.length) {
                dropped.incrementAndGet();
                return false;
            }
        } while (!TAIL.compareAndSet(this, t, t + 1));       // claimed: the cell is ours
        values[(int) t & mask] = event;
        STAMPS.setRelease(stamps, (int) t & mask, t + 1);     // filled: pairs with the acquire in read
        return true;
    }

    @Override
    public synchronized RingReader newReader() {
        if (readerGiven) {
            throw new IllegalStateException("single consumer: the reader was given out already");
        }
        readerGiven = true;
        return new RingReader() {
            @Override
            public int read(long[] dst, int offset, int max) {
                int n = 0;
                long h = (long) HEAD.getOpaque(ClaimedSizeRing.this);
                while (n < max && (long) STAMPS.getAcquire(stamps, (int) h & mask) == h + 1) {
                    dst[offset + n++] = values[(int) h & mask];
                    h++;
                    HEAD.setRelease(ClaimedSizeRing.this, h);  // the cell is free once read
                }
                return n;
            }

            @Override
            public int read(byte[] dst, int offset, int length) {
                throw new IllegalStateException("frames only");
            }

            @Override
            public boolean isReady() {
                return size() > 0;
            }

            @Override
            public long lastLoss() {
                return 0;
            }
        };
    }

    @Override
    public long size() {
        long t = (long) TAIL.getVolatile(this);
        long h = (long) HEAD.getVolatile(this);
        return t - h;
    }

    @Override
    public RingStats stats() {
        long h = (long) HEAD.getVolatile(this);
        long t = (long) TAIL.getVolatile(this);
        return new RingStats(t, dropped.get(), 0, h, Math.max(0, t - h));
    }
}
