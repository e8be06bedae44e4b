package io.wakepath.ring;

/** How several readers share the events. */
public enum ReaderMode {
    /** Each event goes to exactly one reader; all reader handles consume from one shared head. */
    SHARED,
    /**
     * Each reader has its own cursor and sees every event offered after it joined. The producer never waits for a
     * reader (the policy is {@link OverflowPolicy#DROP_OLDEST}): a reader that falls a whole ring behind is lapped,
     * and its next read returns {@link Ring#EOVERFLOW} with the number it lost in {@link RingReader#lastLoss()}.
     */
    BROADCAST
}
