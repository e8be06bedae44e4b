package io.wakepath.ring;

/**
 * What the rings that hand events over through per-cell sequence stamps share ({@link MpscSequenceRing},
 * {@link MpmcSequenceRing}, {@link SpscStampedRing}): {stamp, value} cells on one cache line, padded at both ends,
 * the single-consumer rule when the topology has one consumer, size and stats from the padded indices.
 */
abstract class CellRing extends PaddedRingIndices implements Ring {
    final RingConfig config;
    final long[] cells;                // stamp at index(s), value at index(s) + 1
    final int mask;
    final int capacity;
    private final boolean singleConsumer;
    private boolean readerTaken;

    CellRing(RingConfig config, RingCapabilities capabilities) {
        capabilities.require(getClass(), config);
        this.config = config;
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.cells = paddedSlots(capacity, 2);
        this.singleConsumer = !capabilities.topology().multiConsumer();
    }

    final int index(long sequence) {
        return ARRAY_PAD + (((int) sequence & mask) << 1);
    }

    /**
     * Stamps every cell free for the producer of its first sequence, for rings whose producers check the stamps. Called
     * from a subclass's constructor, after this class's has returned: the final-field freeze of {@code cells} does not
     * cover these plain stores. They are published with the ring itself, as everything its constructors wrote is:
     * a ring reaches the threads that use it through a happens-before edge (a thread start, a lock, a volatile or
     * release store), as any object built by one thread and used by others must.
     */
    final void stampCellsFree() {
        for (int s = 0; s < capacity; s++) {
            cells[index(s)] = s;       // sp: published with the ring (see above)
        }
    }

    /** A new handle on the shared consumer side. */
    abstract SharedConsumer newConsumer();

    @Override
    public final RingConfig config() {
        return config;
    }

    @Override
    public final synchronized RingReader newReader() {
        if (singleConsumer && readerTaken) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " has a single consumer: its one shared reader handle is already taken");
        }
        readerTaken = true;
        return newConsumer();
    }

    @Override
    public final long size() {
        return stableSize();
    }

    @Override
    public final RingStats stats() {
        return sharedStats();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + config + "]";
    }
}
