package io.wakepath.ring;

/**
 * What the lock-free rings whose readers share one consumer side have in common: the config, the single-consumer
 * rule when the topology has one consumer, size and stats from the padded indices.
 */
abstract class SharedReaderRing extends PaddedRingIndices implements Ring {
    final RingConfig config;
    private final boolean singleConsumer;
    private boolean readerTaken;

    SharedReaderRing(RingConfig config, RingCapabilities capabilities) {
        capabilities.require(getClass(), config);
        this.config = config;
        this.singleConsumer = !capabilities.topology().multiConsumer();
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
