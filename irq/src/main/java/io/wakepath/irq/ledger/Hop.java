package io.wakepath.irq.ledger;

/** The hops of the wake path whose latency the ledger records. */
public enum Hop {
    /** A device's interrupt output rising -> its hard handler starting (per interrupt). */
    IRQ_ENTRY("irq-entry", "device output rises -> hard handler runs"),
    /** The hardware receiving a sample -> the sample in the ring (per sample). */
    HW_TO_RING("hw-to-ring", "sample raised -> in the ring"),
    /** The sample in the ring -> a reader's read returning it (per sample). */
    RING_TO_READ("ring-to-read", "in the ring -> returned by read"),
    /** The hardware receiving a sample -> a reader's read returning it (per sample). */
    END_TO_END("end-to-end", "sample raised -> returned by read"),
    /**
     * The sample's due time on the open-loop schedule -> a reader's read returning it: the end-to-end latency corrected
     * for coordinated omission (a source held up by the system it measures would otherwise hide that time).
     */
    END_TO_END_DUE("end-to-end-due", "sample due -> returned by read (coordinated omission corrected)");

    private final String id;
    private final String description;

    Hop(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
