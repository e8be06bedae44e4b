package io.wakepath.ring;

/** What the producer does with an event when the ring is full. It never waits for space. */
public enum OverflowPolicy {
    /** The new event is dropped and counted (kfifo_in on a full fifo). */
    DROP_NEWEST,
    /** The oldest unread event is evicted and counted, the new one is kept (overwrite mode). */
    DROP_OLDEST,
    /**
     * The new event is dropped and counted, and a sticky flag is set: the readers' readiness includes it (poll's ERR)
     * and the next read returns {@link Ring#EOVERFLOW} once, with the number lost in {@link RingReader#lastLoss()}.
     */
    REPORT_OVERFLOW
}
