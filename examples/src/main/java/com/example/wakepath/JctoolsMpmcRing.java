package com.example.wakepath;

import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingReader;
import io.wakepath.ring.RingStats;
import io.wakepath.ring.Topology;
import org.jctools.queues.MpmcArrayQueue;

import java.util.EnumSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * A correct third-party structure behind wakepath's ring interface: JCTools' {@code MpmcArrayQueue}. It boxes every
 * event (JCTools queues hold objects), which breaks the ring contract's "never allocates" but not its ordering; it is
 * here to show that {@code check --target} raises no false alarm on a correct queue it has never seen, with many
 * readers. Drop-newest when full.
 */
public final class JctoolsMpmcRing implements Ring {
    public static final RingCapabilities CAPABILITIES =
            new RingCapabilities(Topology.MPMC, EnumSet.of(OverflowPolicy.DROP_NEWEST), false, false);

    private final RingConfig config;
    private final MpmcArrayQueue<Long> queue;
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder consumed = new LongAdder();

    public JctoolsMpmcRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.queue = new MpmcArrayQueue<>(config.capacity());
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public boolean offer(long event) {
        if (queue.offer(event)) {
            enqueued.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    @Override
    public RingReader newReader() {
        return new RingReader() {
            @Override
            public int read(long[] dst, int offset, int max) {
                int n = 0;
                Long e;
                while (n < max && (e = queue.poll()) != null) {
                    dst[offset + n++] = e;
                }
                consumed.add(n);
                return n;
            }

            @Override
            public int read(byte[] dst, int offset, int length) {
                throw new IllegalStateException("frames only");
            }

            @Override
            public boolean isReady() {
                return queue.peek() != null;
            }

            @Override
            public long lastLoss() {
                return 0;
            }
        };
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public RingStats stats() {
        long size = queue.size();
        return new RingStats(enqueued.sum(), dropped.sum(), 0, consumed.sum(), size);
    }
}
