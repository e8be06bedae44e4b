package io.wakepath.ring;

import io.wakepath.core.UsageException;

import java.util.Arrays;
import java.util.List;

/** What the producer does with an event when the ring is full. It never waits for space. */
public enum OverflowPolicy {
    /** The new event is dropped and counted (kfifo_in on a full fifo). */
    DROP_NEWEST("drop-newest"),
    /** The oldest unread event is evicted and counted, the new one is kept (overwrite mode). */
    DROP_OLDEST("drop-oldest"),
    /**
     * The new event is dropped and counted, and a sticky flag is set: the readers' readiness includes it (poll's ERR)
     * and the next read returns {@link Ring#EOVERFLOW} once, with the number lost in {@link RingReader#lastLoss()}.
     */
    REPORT_OVERFLOW("report-overflow");

    /** The order a chain prefers them in: the policy that tells readers of a loss first. */
    public static final List<OverflowPolicy> PREFERENCE = List.of(REPORT_OVERFLOW, DROP_NEWEST, DROP_OLDEST);

    private final String id;

    OverflowPolicy(String id) {
        this.id = id;
    }

    /** The name on the command line and in JSON, e.g. {@code report-overflow}. */
    public String id() {
        return id;
    }

    /** @throws UsageException naming the known ids */
    public static OverflowPolicy byId(String id) {
        for (OverflowPolicy p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new UsageException("unknown overflow policy '" + id + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(OverflowPolicy::id).toList()) + ")");
    }
}
