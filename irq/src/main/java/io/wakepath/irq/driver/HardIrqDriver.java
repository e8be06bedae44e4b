package io.wakepath.irq.driver;

import io.wakepath.irq.IrqReturn;

/**
 * Everything in the hard handler: confirm the interrupt is this device's, acknowledge exactly the status bits read,
 * drain the FIFO to empty into the ring, then wake the readers.
 *
 * <pre>
 *   status = readl(STATUS); if (!status) return IRQ_NONE;   // shared line: not ours
 *   writel(status, STATUS);                                 // W1C what we saw; an arrival from now on latches RX again
 *   while (FIFO not empty) kfifo_put(ring, readl(DATA));    // to empty: arrivals meanwhile latched nothing
 *   wake_up_poll(&amp;wq, EPOLLIN);                             // after the state update
 *   return IRQ_HANDLED;
 * </pre>
 */
public class HardIrqDriver extends CharDriver {

    public HardIrqDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        ack(status);
        if (drainFifo() > 0) {
            wakeReaders();
        }
        return IrqReturn.HANDLED;
    }
}
