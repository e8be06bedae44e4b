package com.example.wakepath;

import io.wakepath.irq.Device;
import io.wakepath.irq.IrqReturn;
import io.wakepath.irq.driver.CharDriver;

/**
 * A user's char-device driver, correct: the hard handler takes the interrupt if its device raised it, acknowledges
 * exactly the status bits it read, then moves the FIFO into the ring in batches of 16 until the FIFO is empty, waking
 * the readers after each batch is in the ring (publish, then wake). Check it with
 * {@code wakepath check --target driver=com.example.wakepath.BatchingDriver --classpath JAR}.
 */
public class BatchingDriver extends CharDriver {
    private static final int BATCH = 16;
    private final long[] batch = new long[BATCH];      // the hard handler runs on one CPU at a time

    public BatchingDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected IrqReturn handleHard() {
        int status = readStatus();
        if (status == 0) {
            return IrqReturn.NONE;                     // a shared line: another device's interrupt
        }
        ack(status);                                   // an arrival from now on latches RX again
        int n;
        do {
            n = 0;
            for (long s; n < BATCH && (s = readData()) != Device.NO_DATA; ) {
                batch[n++] = s;
            }
            for (int i = 0; i < n; i++) {
                publish(batch[i]);
            }
            if (n > 0) {
                wakeReaders();
            }
        } while (n == BATCH);                          // a full batch: the FIFO may hold more
        return IrqReturn.HANDLED;
    }
}
