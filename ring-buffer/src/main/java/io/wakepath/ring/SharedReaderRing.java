package io.wakepath.ring;

/**
 * What the lock-free rings whose readers share one consumer side have in common: the config, the single-consumer
 * rule when the topology has one consumer, size and stats from the padded indices.
 */
abstract class SharedReaderRing extends PaddedRingIndices implements Ring {
    /** The most slots a producer that checks the slots themselves looks ahead for free ones (JCTools' choice). */
    static final int LOOKAHEAD = 4096;

    final RingConfig config;
    private final boolean singleConsumer;
    private boolean readerTaken;

    SharedReaderRing(RingConfig config, RingCapabilities capabilities) {
        capabilities.require(getClass(), config);
        this.config = config;
        this.singleConsumer = !capabilities.topology().multiConsumer();
    }

    /**
     * How far ahead a producer that learns of free slots from the slots looks: a quarter of the ring, at most
     * {@value #LOOKAHEAD}. A free slot there means every slot before it is free (the consumer frees them in order).
     */
    static int producerLookahead(int capacity) {
        return Math.max(1, Math.min(LOOKAHEAD, capacity / 4));
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
