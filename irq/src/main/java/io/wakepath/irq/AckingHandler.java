package io.wakepath.irq;

import java.util.Objects;

/**
 * The plainest correct hard handler: confirm the interrupt is its device's, acknowledge exactly the status bits read,
 * drain the FIFO to empty and throw the samples away (the device counts them as popped). It serves the neighbours
 * that share a line in a chain run, and tests of the controller.
 */
public record AckingHandler(Device device) implements IrqHandler {

    public AckingHandler {
        Objects.requireNonNull(device, "device");
    }

    @Override
    public IrqReturn hardIrq() {
        int status = device.readStatus();
        if (status == 0) {
            return IrqReturn.NONE;
        }
        device.writeStatus(status);
        while (device.readData() != Device.NO_DATA) {
            // discarded: the device's popped counter has them
        }
        return IrqReturn.HANDLED;
    }
}
