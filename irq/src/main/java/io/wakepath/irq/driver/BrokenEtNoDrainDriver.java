package io.wakepath.irq.driver;

/**
 * Broken on purpose (bug class: edge-triggered reader that does not drain). The driver is {@link HardIrqDriver}; the
 * user-space reader that comes with it registers with {@code EPOLLET} and reads once per event instead of reading
 * until EAGAIN. An edge is reported once per wake: what the one read left behind is not reported again until the next
 * interrupt, and what is left after the last one is never read. Shows with {@code --read epoll-et}. Correct sibling:
 * {@link HardIrqDriver} with its draining reader.
 */
public final class BrokenEtNoDrainDriver extends HardIrqDriver {

    public BrokenEtNoDrainDriver(Parts parts) {
        super(parts);
    }

    @Override
    public boolean readerDrainsAfterEdge() {
        return false;
    }
}
