package io.wakepath.irq.driver;

import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: hard handler claims foreign IRQs). {@link HardIrqDriver} that returns
 * {@code IRQ_HANDLED} whether or not its device raised anything. On a shared line every interrupt of a neighbour is
 * claimed too: the spurious detector never sees an unhandled interrupt, so a neighbour's storm is never stopped, and
 * the accounting of who handled what is wrong. Correct sibling: {@link HardIrqDriver}.
 */
public final class BrokenClaimsForeignDriver extends HardIrqDriver {

    public BrokenClaimsForeignDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        ack(status);
        if (drainFifo() > 0) {
            wakeReaders();
        }
        return IrqReturn.HANDLED;
    }
}
