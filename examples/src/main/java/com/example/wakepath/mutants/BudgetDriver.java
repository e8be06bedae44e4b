package com.example.wakepath.mutants;

import io.wakepath.irq.IrqReturn;
import io.wakepath.irq.driver.CharDriver;

/**
 * A budget without a re-check: the hard handler acknowledges the status, then moves at most 8 samples per interrupt
 * ("bound the time in hard IRQ", as NAPI does) and returns. NAPI polls again until it is under budget; this does
 * not: the samples left in the FIFO latch no new interrupt (the device raises RX only when its FIFO goes from empty
 * to non-empty), so after a burst they are stranded until the device is closed.
 */
public class BudgetDriver extends CharDriver {
    private static final int BUDGET = 8;

    public BudgetDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        ack(status);
        int moved = 0;
        while (moved < BUDGET && fifoLevel() > 0) {
            publish(readData());
            moved++;
        }
        if (moved > 0) {
            wakeReaders();
        }
        return IrqReturn.HANDLED;
    }
}
