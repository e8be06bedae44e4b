package io.wakepath.ring;

/** How many threads a ring lets offer and read at the same time. */
public enum Topology implements io.wakepath.core.Identified {
    /** One producer thread, one consumer thread (or, in broadcast mode, one thread per reader handle). */
    SPSC(false, false),
    /** Any number of producer threads, one consumer thread. */
    MPSC(true, false),
    /** One producer thread, any number of consumer threads. */
    SPMC(false, true),
    /** Any number of producer and consumer threads. */
    MPMC(true, true);

    private final boolean multiProducer;
    private final boolean multiConsumer;

    Topology(boolean multiProducer, boolean multiConsumer) {
        this.multiProducer = multiProducer;
        this.multiConsumer = multiConsumer;
    }

    public boolean multiProducer() {
        return multiProducer;
    }

    public boolean multiConsumer() {
        return multiConsumer;
    }

    /** @throws io.wakepath.core.UsageException naming the known ids */
    public static Topology byId(String id) {
        return io.wakepath.core.Identified.byId(Topology.class, id, "topology");
    }

    /** Whether a ring of this topology may be used where {@code needed} is required. */
    public boolean covers(Topology needed) {
        return (multiProducer || !needed.multiProducer) && (multiConsumer || !needed.multiConsumer);
    }
}
