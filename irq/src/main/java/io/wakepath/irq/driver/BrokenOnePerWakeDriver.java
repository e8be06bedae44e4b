package io.wakepath.irq.driver;

import io.wakepath.irq.Device;

/**
 * Broken on purpose (bug class: threaded handler handles one item per wake). {@link ThreadedOneshotDriver} whose
 * thread takes one sample per run, as if each wake of the thread stood for one sample. But thread wakes coalesce, and
 * the device latches RX only when its FIFO goes from empty to non-empty: once two samples arrive before a run, the
 * FIFO never empties again, no interrupt is raised again, and everything after is stranded in the hardware until it
 * overruns. Correct sibling: {@link ThreadedOneshotDriver}.
 */
public final class BrokenOnePerWakeDriver extends ThreadedOneshotDriver {

    public BrokenOnePerWakeDriver(Parts parts) {
        super(parts);
    }

    @Override
    protected void handleThread() {
        long sample = readData();
        if (sample != Device.NO_DATA) {
            publish(sample);
            wakeReaders();
        }
    }
}
