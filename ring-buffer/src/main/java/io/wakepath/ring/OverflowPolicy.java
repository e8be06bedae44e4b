package io.wakepath.ring;

import io.wakepath.core.Identified;

import java.util.List;

/** What the producer does with an event when the ring is full. It never waits for space. */
public enum OverflowPolicy implements Identified {
    /** The new event is dropped and counted (kfifo_in on a full fifo). */
    DROP_NEWEST,
    /** The oldest unread event is evicted and counted, the new one is kept (overwrite mode). */
    DROP_OLDEST,
    /**
     * The new event is dropped and counted, and a sticky flag is set: the readers' readiness includes it (poll's ERR)
     * and the next read returns {@link Ring#EOVERFLOW} once, with the number lost in {@link RingReader#lastLoss()}.
     */
    REPORT_OVERFLOW;

    /** The order a chain prefers them in: the policy that tells readers of a loss first. */
    public static final List<OverflowPolicy> PREFERENCE = List.of(REPORT_OVERFLOW, DROP_NEWEST, DROP_OLDEST);

    /** @throws io.wakepath.core.UsageException naming the known ids */
    public static OverflowPolicy byId(String id) {
        return Identified.byId(OverflowPolicy.class, id, "overflow policy");
    }
}
