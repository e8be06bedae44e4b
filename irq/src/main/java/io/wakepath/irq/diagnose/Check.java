package io.wakepath.irq.diagnose;

/** The seed article's eight checks, in the order of the chain. */
public enum Check {
    IRQ_DELIVERED("irq-delivered", "the IRQ really happens"),
    HANDLER_ACKS("handler-acks", "the handler confirms and clears it"),
    DATA_BUFFERED("data-buffered", "data enters the buffer (and what overflow does)"),
    STATE_BEFORE_WAKE("state-before-wake", "state is updated before the wake"),
    SAME_QUEUE("same-queue", "the sleeping and the polling side use the same wait queue"),
    POLL_ACCURATE("poll-accurate", ".poll is accurate"),
    READ_AGREES("read-agrees", "nonblocking read agrees with poll"),
    TEARDOWN_SAFE("teardown-safe", "concurrency and teardown are safe");

    private final String id;
    private final String title;

    Check(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** One check's verdict. */
    public enum Outcome { PASS, WARN, FAIL }
}
