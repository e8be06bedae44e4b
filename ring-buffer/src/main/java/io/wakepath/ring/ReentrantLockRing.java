package io.wakepath.ring;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Every operation under a non-fair {@link ReentrantLock}: the {@code java.util.concurrent} idiom (as in
 * {@code ArrayBlockingQueue}, without its conditions: nobody waits for space or data here). Same capabilities and
 * trade-offs as {@link MonitorLockedRing}; the lock is an AQS queue instead of the object monitor.
 */
public final class ReentrantLockRing extends LockedRing {
    public static final RingCapabilities CAPABILITIES = RingCapabilities.everything();

    private final ReentrantLock lock = new ReentrantLock();

    public ReentrantLockRing(RingConfig config) {
        super(config);
    }

    @Override
    public boolean offer(long event) {
        lock.lock();
        try {
            return offerLocked(event);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public RingReader newReader() {
        lock.lock();
        try {
            return newReaderLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long size() {
        lock.lock();
        try {
            return sizeLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public RingStats stats() {
        lock.lock();
        try {
            return statsLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    int read(Reader reader, long[] dst, int offset, int max) {
        lock.lock();
        try {
            return readLocked(reader, dst, offset, max);
        } finally {
            lock.unlock();
        }
    }

    @Override
    int read(Reader reader, byte[] dst, int offset, int length) {
        lock.lock();
        try {
            return readLocked(reader, dst, offset, length);
        } finally {
            lock.unlock();
        }
    }

    @Override
    boolean isReady(Reader reader) {
        lock.lock();
        try {
            return isReadyLocked(reader);
        } finally {
            lock.unlock();
        }
    }
}
