package io.wakepath.irq.driver;

import io.wakepath.irq.Device;
import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: hard handler disowns its own IRQ). {@link HardIrqDriver} that tests the wrong status
 * bit (OVR where RX was meant): for an ordinary "data available" interrupt it decides the interrupt is not its own
 * and returns {@code IRQ_NONE} without acknowledging it. On a level line the interrupt fires again at once, unhandled,
 * until the spurious detector disables the line (taking the neighbours on it down too); on an edge line no further
 * edge comes until the FIFO overruns. Correct sibling: {@link HardIrqDriver}.
 */
public final class BrokenDisownsOwnDriver extends HardIrqDriver {

    public BrokenDisownsOwnDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if ((status & Device.OVR) == 0) {
            return IrqReturn.NONE;
        }
        ack(status);
        if (drainFifo() > 0) {
            wakeReaders();
        }
        return IrqReturn.HANDLED;
    }
}
