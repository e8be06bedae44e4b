package com.example.wakepath;

import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingReader;
import io.wakepath.ring.RingStats;
import io.wakepath.ring.Topology;
import org.jctools.queues.SpscArrayQueue;

import java.util.EnumSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * JCTools' {@code SpscArrayQueue} behind wakepath's ring interface, as {@link JctoolsMpmcRing} puts its MPMC sibling:
 * single producer, single consumer, events boxed, drop-newest when full. A control: clean.
 *
 * <p>JCTools makes every SPSC queue at least 4 slots long; a ring of capacity 2 must still refuse its third event, so
 * the producer refuses an offer while the queue holds {@code capacity} events. Its {@code size()} reads the producer's
 * own index exactly and the consumer's as it last saw it, never ahead: never below the truth, so the ring never holds
 * more than its capacity (a consumer that just made room may see one offer refused: drop-newest allows that).
 */
public final class JctoolsSpscRing implements Ring {
    public static final RingCapabilities CAPABILITIES =
            new RingCapabilities(Topology.SPSC, EnumSet.of(OverflowPolicy.DROP_NEWEST), false, false);

    private final RingConfig config;
    private final SpscArrayQueue<Long> queue;
    private final LongAdder enqueued = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder consumed = new LongAdder();

    public JctoolsSpscRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.queue = new SpscArrayQueue<>(config.capacity());
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public boolean offer(long event) {
        if (queue.size() < config.capacity() && queue.offer(event)) {
            enqueued.increment();
            return true;
        }
        dropped.increment();
        return false;
    }

    private boolean readerGiven;

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
