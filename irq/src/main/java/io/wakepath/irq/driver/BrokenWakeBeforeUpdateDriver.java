package io.wakepath.irq.driver;

import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: wake before the state update). {@link HardIrqDriver} with its last two steps swapped:
 * it wakes the readers as soon as it sees data in the FIFO, then moves the data into the ring.
 *
 * <pre>
 *   IRQ side                                reader
 *                                           read: ring empty -> sleep
 *   wake_up(&amp;wq);                             woken: ring still empty -> sleep again
 *   kfifo_put(ring, sample);                (nobody wakes it for this sample)
 * </pre>
 * The sample then waits for the next interrupt's wake; the last one of a run waits forever. Correct sibling:
 * {@link HardIrqDriver}.
 */
public final class BrokenWakeBeforeUpdateDriver extends HardIrqDriver {

    public BrokenWakeBeforeUpdateDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        ack(status);
        if (fifoLevel() > 0) {
            wakeReaders();
            drainFifo();
        }
        return IrqReturn.HANDLED;
    }
}
