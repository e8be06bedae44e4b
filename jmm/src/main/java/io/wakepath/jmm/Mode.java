package io.wakepath.jmm;

/**
 * The access modes of the Java memory model, weakest first, as {@link java.lang.invoke.VarHandle} names them (and
 * wakepath's vocabulary: {@code lp/sp} plain, {@code lo/so} opaque, {@code la} acquire, {@code sr} release,
 * {@code lv/sv} volatile). A data race needs at least one {@link #PLAIN} access; accesses in the other modes are
 * atomic and race only in the sense that their order is not fixed, which is not a data race.
 */
public enum Mode {
    PLAIN, OPAQUE, ACQUIRE, RELEASE, VOLATILE;

    boolean plain() {
        return this == PLAIN;
    }

    /** A load in this mode synchronizes with the release it reads from. */
    boolean acquires() {
        return this == ACQUIRE || this == VOLATILE;
    }

    /** A store in this mode publishes what its thread did before it. */
    boolean releases() {
        return this == RELEASE || this == VOLATILE;
    }

    /** Atomic (not plain): takes part in fence-based synchronization. */
    boolean atomic() {
        return this != PLAIN;
    }

    /** As a report says it, e.g. "release store", "plain read". */
    String word(boolean write) {
        return name().toLowerCase() + (write ? " store" : " load");
    }
}
