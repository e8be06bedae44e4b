package io.wakepath.irq.driver;

import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: status cleared before the FIFO is drained). A handler that reads STATUS and the FIFO
 * level, clears the status, then reads as many samples as the level said. A sample that arrives during that drain
 * finds the FIFO non-empty and latches nothing, and the drain stops short of it: it is stranded with RX clear, and
 * every sample after it too. Clearing first is only right when the drain then goes on to empty. Correct sibling:
 * {@link HardIrqDriver}.
 */
public final class BrokenClearBeforeDrainDriver extends HardIrqDriver {

    public BrokenClearBeforeDrainDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        int level = fifoLevel();
        ack(status);
        for (int i = 0; i < level; i++) {
            publish(readData());
        }
        if (level > 0) {
            wakeReaders();
        }
        return IrqReturn.HANDLED;
    }
}
