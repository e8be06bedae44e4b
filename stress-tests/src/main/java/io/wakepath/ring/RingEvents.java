package io.wakepath.ring;

/**
 * The values the ring checks offer. Every long is a valid event, but a ring may carry some apart from the rest
 * ({@code spsc-compact} keeps events wider than an int beside its slots): the checks offer wide values as well as
 * small ones, so that such a path is tested as often as the slot itself.
 */
public final class RingEvents {
    /** High bits no int has: {@code WIDE + k} is a wide event that still reads as k. */
    public static final long WIDE = 0x5EED_0000_0000_0000L;

    private RingEvents() {
    }

    /** Event number {@code k} as the litmus tests offer it: wide. */
    public static long wide(long k) {
        return WIDE + k;
    }

    /**
     * Event number {@code k} as the race detector's workloads offer it: k itself for every third, else wide. Not by
     * parity: a refused offer shifts the numbers by one against the slots, and a slot must see wide after wide.
     */
    public static long mixed(long k) {
        return k % 3 == 0 ? k : wide(k);
    }

    /** The number an event was offered as, by {@link #wide} or as itself. */
    public static long number(long event) {
        return event - WIDE >= 1 && event - WIDE <= 9 ? event - WIDE : event;
    }
}
