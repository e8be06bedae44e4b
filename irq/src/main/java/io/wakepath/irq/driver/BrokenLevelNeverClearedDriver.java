package io.wakepath.irq.driver;

import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: level line never cleared). A handler that looks at the FIFO instead of the status
 * register and never writes STATUS: it drains and wakes when there is data, returns {@code IRQ_NONE} when there is
 * none. RX stays latched, so a level line stays asserted: once the FIFO is empty every interrupt is unhandled, an
 * interrupt storm that eats the interrupt CPU until the spurious detector says nobody cared and disables the line.
 * Correct sibling: {@link HardIrqDriver}.
 */
public final class BrokenLevelNeverClearedDriver extends HardIrqDriver {

    public BrokenLevelNeverClearedDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        if (fifoLevel() == 0) {
            return IrqReturn.NONE;
        }
        drainFifo();
        wakeReaders();
        return IrqReturn.HANDLED;
    }
}
