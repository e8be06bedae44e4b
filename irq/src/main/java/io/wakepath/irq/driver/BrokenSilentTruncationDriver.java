package io.wakepath.irq.driver;

import io.wakepath.irq.Device;
import io.wakepath.irq.IrqReturn;

/**
 * Broken on purpose (bug class: silent truncation when full). {@link HardIrqDriver} that checks whether the ring is
 * full itself and, if so, throws the sample away: the ring's overflow policy never sees it, nothing is counted, no
 * reader is told (no EOVERFLOW, no POLLERR). Samples vanish between the hardware and the ring. Correct sibling:
 * {@link HardIrqDriver} (offer every sample; the ring applies and accounts its policy).
 */
public final class BrokenSilentTruncationDriver extends HardIrqDriver {

    public BrokenSilentTruncationDriver(Parts parts) {
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
        for (long s = readData(); s != Device.NO_DATA; s = readData()) {
            if (ring.size() >= ring.config().capacity()) {
                continue;                               // full: gone, without a word
            }
            publish(s);
            moved++;
        }
        if (moved > 0) {
            wakeReaders();
        }
        return IrqReturn.HANDLED;
    }
}
