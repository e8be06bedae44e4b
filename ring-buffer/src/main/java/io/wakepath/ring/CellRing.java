package io.wakepath.ring;

/**
 * What the rings that hand events over through per-cell sequence stamps share ({@link MpscSequenceRing},
 * {@link MpmcSequenceRing}, {@link SpscStampedRing}): {stamp, value} cells on one cache line, padded at both ends;
 * {@link SharedReaderRing} has the rest.
 */
abstract class CellRing extends SharedReaderRing {
    final long[] cells;                // stamp at index(s), value at index(s) + 1
    final int mask;
    final int capacity;

    CellRing(RingConfig config, RingCapabilities capabilities) {
        super(config, capabilities);
        this.capacity = config.capacity();
        this.mask = capacity - 1;
        this.cells = paddedSlots(capacity, 2);
    }

    final int index(long sequence) {
        return cellIndex(sequence, mask);
    }

    /** Where the cell of {@code sequence} starts, for a ring of {@code mask + 1} cells. */
    static int cellIndex(long sequence, int mask) {
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
}
