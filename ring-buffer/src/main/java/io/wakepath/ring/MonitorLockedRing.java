package io.wakepath.ring;

/**
 * Every operation inside the ring's monitor ({@code synchronized}). The simplest correct ring, and the baseline the
 * lock-free ones must beat: supports every topology, policy, framing and reader mode. Uncontended monitor entry is
 * cheap, but producer and reader contend on one lock and one cache line, and a reader holding the monitor delays
 * the producer.
 */
public final class MonitorLockedRing extends LockedRing {
    public static final RingCapabilities CAPABILITIES = RingCapabilities.everything();

    public MonitorLockedRing(RingConfig config) {
        super(config);
    }

    @Override
    public synchronized boolean offer(long event) {
        return offerLocked(event);
    }

    @Override
    public synchronized RingReader newReader() {
        return newReaderLocked();
    }

    @Override
    public synchronized long size() {
        return sizeLocked();
    }

    @Override
    public synchronized RingStats stats() {
        return statsLocked();
    }

    @Override
    synchronized int read(Reader reader, long[] dst, int offset, int max) {
        return readLocked(reader, dst, offset, max);
    }

    @Override
    synchronized int read(Reader reader, byte[] dst, int offset, int length) {
        return readLocked(reader, dst, offset, length);
    }

    @Override
    synchronized boolean isReady(Reader reader) {
        return isReadyLocked(reader);
    }
}
