package io.wakepath.irq.driver;

import io.wakepath.irq.Device;
import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: read-modify-write on a write-one-to-clear register). {@link HardIrqDriver} that
 * acknowledges at the end with {@code writel(readl(STATUS) | RX, STATUS)}, the idiom for an ordinary register. On a
 * W1C register writing back what was read clears every bit set at that moment, including an RX latched by a sample
 * that arrived after the FIFO was found empty: that sample is never raised, and since RX latches only when the FIFO
 * goes from empty to non-empty, neither is anything after it. Correct sibling: {@link HardIrqDriver} (write exactly
 * the bits read, before draining).
 */
public final class BrokenRmwW1cDriver extends HardIrqDriver {

    public BrokenRmwW1cDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        if (drainFifo() > 0) {
            wakeReaders();
        }
        ack(readStatus() | Device.RX);
        return IrqReturn.HANDLED;
    }
}
