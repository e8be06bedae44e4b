package io.wakepath.irq.driver;

import io.wakepath.irq.IrqReturn;

/**
 * A threaded handler with {@code IRQF_ONESHOT}: the hard handler only confirms and acknowledges; the handler thread
 * drains the FIFO to empty and wakes the readers, with the line masked until it returns. Wakes of the thread that
 * arrive while a run is pending coalesce into that run, which is why it drains to empty rather than one sample per
 * wake.
 */
public class ThreadedOneshotDriver extends CharDriver {

    public ThreadedOneshotDriver(Parts parts) {
        super(parts);
    }

    @Override
    public boolean threaded() {
        return true;
    }

    @Override
    public boolean oneshot() {
        return true;
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        ack(status);
        return IrqReturn.WAKE_THREAD;
    }

    @Override
    protected void handleThread() {
        if (drainFifo() > 0) {
            wakeReaders();
        }
    }
}
