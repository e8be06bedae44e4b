package com.example.wakepath;

import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.ReaderMode;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingReader;
import io.wakepath.ring.RingStats;
import io.wakepath.ring.Topology;

import java.util.EnumSet;

/**
 * A user's ring with broadcast readers, everything under its monitor: with {@code ReaderMode.BROADCAST} every
 * reader has its own cursor and sees every event, the producer never waits and overwrites the oldest slot when the
 * ring is full, and a reader that was lapped is told how many events it lost (EOVERFLOW, then the oldest event still
 * in the ring); with shared readers it is a plain drop-newest ring. Correct. {@code mutants.LapToNewestRing} changes
 * one hook.
 */
public class LockedBroadcastRing implements Ring {
    public static final RingCapabilities CAPABILITIES =
            new RingCapabilities(Topology.SPSC, EnumSet.of(OverflowPolicy.DROP_NEWEST), false, true);

    private final RingConfig config;
    private final long[] slots;
    private final boolean broadcast;
    private long tail;                  // guarded by this
    private long head;                  // guarded by this (shared readers)
    private long dropped;               // guarded by this
    private long consumed;              // guarded by this
    private boolean sharedReaderGiven;  // guarded by this

    public LockedBroadcastRing(RingConfig config) {
        CAPABILITIES.require(getClass(), config);
        this.config = config;
        this.slots = new long[config.capacity()];
        this.broadcast = config.readers() == ReaderMode.BROADCAST;
    }

    @Override
    public RingConfig config() {
        return config;
    }

    @Override
    public synchronized boolean offer(long event) {
        if (!broadcast && tail - head == slots.length) {
            dropped++;
            return false;
        }
        slots[(int) (tail % slots.length)] = event;     // broadcast: overwrites the event of tail - capacity
        tail++;
        return true;
    }

    /**
     * Where a lapped reader goes on: the oldest event still in the ring, {@code tail - capacity} (everything before it
     * is what it lost).
     */
    protected long resumeAfterLap(long tail, int capacity) {
        return tail - capacity;
    }

    @Override
    public synchronized RingReader newReader() {
        if (!broadcast) {
            if (sharedReaderGiven) {
                throw new IllegalStateException("single consumer: the reader was given out already");
            }
            sharedReaderGiven = true;
        }
        return new Reader(tail);
    }

    @Override
    public synchronized long size() {
        return broadcast ? Math.min(tail, slots.length) : tail - head;
    }

    @Override
    public synchronized RingStats stats() {
        long overwritten = broadcast ? Math.max(0, tail - slots.length) : 0;
        return new RingStats(tail, dropped, overwritten, consumed, size());
    }

    private final class Reader implements RingReader {
        private long cursor;            // broadcast: guarded by the ring's monitor
        private long lastLoss;          // the reading thread's

        Reader(long cursor) {
            this.cursor = cursor;
        }

        @Override
        public int read(long[] dst, int offset, int max) {
            synchronized (LockedBroadcastRing.this) {
                long from = broadcast ? cursor : head;
                if (broadcast && tail - from > slots.length) {
                    lastLoss = tail - slots.length - from;     // the events overwritten before it read them
                    cursor = resumeAfterLap(tail, slots.length);
                    return EOVERFLOW;
                }
                int n = (int) Math.min(max, tail - from);
                for (int i = 0; i < n; i++) {
                    dst[offset + i] = slots[(int) ((from + i) % slots.length)];
                }
                if (broadcast) {
                    cursor = from + n;
                } else {
                    head = from + n;
                }
                consumed += n;
                return n;
            }
        }

        @Override
        public int read(byte[] dst, int offset, int length) {
            throw new IllegalStateException("frames only");
        }

        @Override
        public boolean isReady() {
            synchronized (LockedBroadcastRing.this) {
                return tail != (broadcast ? cursor : head);
            }
        }

        @Override
        public long lastLoss() {
            return lastLoss;
        }
    }
}
