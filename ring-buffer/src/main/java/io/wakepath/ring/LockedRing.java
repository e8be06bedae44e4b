package io.wakepath.ring;

/**
 * The ring algorithm when one lock guards all of it: every operation of every config shape, written once. The
 * subclasses only say which lock: {@link MonitorLockedRing} and {@link ReentrantLockRing} call the
 * {@code ...Locked} methods with it held. This is the kernel's {@code kfifo_in_spinlocked} /
 * {@code kfifo_out_spinlocked} pattern; the producer may wait for the lock while a reader holds it, but never for
 * space.
 */
abstract class LockedRing implements Ring {
    private final RingConfig config;
    private final long[] slots;
    private final int mask;
    private final boolean broadcast;
    private final boolean reportOverflow;

    // All guarded by the subclass's lock.
    private long tail;             // events accepted
    private long head;             // shared readers: next event to read
    private int headByte;          // byte stream: bytes of the head event already read
    private long droppedNewest;
    private long droppedOldest;    // shared DROP_OLDEST evictions; broadcast derives overwrites from tail
    private long reportedDrops;    // REPORT_OVERFLOW: droppedNewest already reported to a reader

    LockedRing(RingConfig config) {
        RingCapabilities.everything().require(getClass(), config);
        this.config = config;
        this.slots = new long[config.capacity()];
        this.mask = config.capacity() - 1;
        this.broadcast = config.readers() == ReaderMode.BROADCAST;
        this.reportOverflow = config.policy() == OverflowPolicy.REPORT_OVERFLOW;
    }

    @Override
    public final RingConfig config() {
        return config;
    }

    // ---- the lock, supplied by the subclass: each calls the matching ...Locked method with it held

    abstract int read(Reader reader, long[] dst, int offset, int max);

    abstract int read(Reader reader, byte[] dst, int offset, int length);

    abstract boolean isReady(Reader reader);

    // ---- the algorithm; every method below is called with the lock held

    final boolean offerLocked(long event) {
        if (!broadcast && tail - head == slots.length) {
            if (config.policy() != OverflowPolicy.DROP_OLDEST) {
                droppedNewest++;                 // REPORT_OVERFLOW: readers see droppedNewest != reportedDrops
                return false;
            }
            head++;                              // evict the oldest unread event (never in a byte stream)
            droppedOldest++;
        }
        slots[(int) tail & mask] = event;        // broadcast: overwrites the slot of tail - capacity
        tail++;
        return true;
    }

    final int readLocked(Reader reader, long[] dst, int offset, int max) {
        if (max == 0) {
            return 0;
        }
        long from = broadcast ? reader.cursor : head;
        long lag = tail - from;
        if (broadcast && lag > slots.length) {
            reader.lastLoss = lag - slots.length;     // lapped: the oldest still in the ring is tail - capacity
            reader.cursor = tail - slots.length;
            return EOVERFLOW;
        }
        if (!broadcast && reportOverflow && droppedNewest != reportedDrops) {
            reader.lastLoss = droppedNewest - reportedDrops;
            reportedDrops = droppedNewest;
            return EOVERFLOW;
        }
        int n = (int) Math.min(lag, max);
        for (int i = 0; i < n; i++) {
            dst[offset + i] = slots[(int) (from + i) & mask];
        }
        if (broadcast) {
            reader.cursor = from + n;
        } else {
            head = from + n;
        }
        return n;
    }

    final int readLocked(Reader reader, byte[] dst, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (reportOverflow && droppedNewest != reportedDrops) {
            reader.lastLoss = droppedNewest - reportedDrops;
            reportedDrops = droppedNewest;
            return EOVERFLOW;
        }
        int n = 0;
        while (n < length && head < tail) {
            int take = Math.min(Long.BYTES - headByte, length - n);
            RingReads.copyBytes(slots[(int) head & mask], headByte, dst, offset + n, take);
            n += take;
            headByte += take;
            if (headByte == Long.BYTES) {
                headByte = 0;
                head++;
            }
        }
        return n;
    }

    final boolean isReadyLocked(Reader reader) {
        if (broadcast) {
            return tail != reader.cursor;
        }
        return tail != head || (reportOverflow && droppedNewest != reportedDrops);
    }

    final long sizeLocked() {
        return broadcast ? Math.min(tail, slots.length) : tail - head;
    }

    final RingStats statsLocked() {
        if (broadcast) {
            return new RingStats(tail, 0, Math.max(0, tail - slots.length), 0, sizeLocked());
        }
        return new RingStats(tail, droppedNewest, droppedOldest, head - droppedOldest, sizeLocked());
    }

    /** A new reader; for broadcast, its cursor starts at the next event offered. */
    final Reader newReaderLocked() {
        Reader reader = new Reader();
        reader.cursor = tail;
        return reader;
    }

    /** A reader handle; its cursor is guarded by the ring's lock, lastLoss belongs to the reading thread. */
    final class Reader implements RingReader {
        long cursor;       // broadcast only
        long lastLoss;

        @Override
        public int read(long[] dst, int offset, int max) {
            RingReads.checkFrames(config, dst, offset, max);
            return LockedRing.this.read(this, dst, offset, max);
        }

        @Override
        public int read(byte[] dst, int offset, int length) {
            RingReads.checkBytes(config, dst, offset, length);
            return LockedRing.this.read(this, dst, offset, length);
        }

        @Override
        public boolean isReady() {
            return LockedRing.this.isReady(this);
        }

        @Override
        public long lastLoss() {
            return lastLoss;             // written by this reader's own reads
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config + "]";
    }
}
