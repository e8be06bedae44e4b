package io.wakepath.irq;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An interrupt line of an {@link IrqController}, which several devices may share.
 * <ul>
 *   <li>{@link Trigger#LEVEL}: the line is asserted while any attached device asserts its output; the controller keeps
 *       delivering while it is (a handler that does not clear its device's status makes a storm).</li>
 *   <li>{@link Trigger#EDGE}: a device's output rising latches one pending interrupt; while the output stays up,
 *       nothing more is latched (a handler that leaves its status set gets no further interrupt).</li>
 * </ul>
 * A line is masked while a ONESHOT threaded handler runs (an edge that arrives meanwhile stays pending and is
 * replayed at unmask), and disabled for good when the spurious detector finds that nobody cares.
 */
public final class IrqLine {
    /** Level-triggered (asserted while a device wants service) or edge-triggered (one pulse per event). */
    public enum Trigger implements io.wakepath.core.Identified {
        LEVEL, EDGE;

        /** @throws io.wakepath.core.UsageException naming the known ids */
        public static Trigger byId(String id) {
            return io.wakepath.core.Identified.byId(Trigger.class, id, "line");
        }
    }

    private final IrqController controller;
    private final int number;
    private final Trigger trigger;
    private final List<Device> devices = new CopyOnWriteArrayList<>();
    final List<IrqAction> actions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean edgePending = new AtomicBoolean();
    private final AtomicInteger oneshotHolders = new AtomicInteger();   // bit per action whose thread keeps it masked
    final SpuriousDetector spurious = new SpuriousDetector();
    private volatile boolean disabled;
    private volatile String disabledWhy;

    IrqLine(IrqController controller, int number, Trigger trigger) {
        this.controller = controller;
        this.number = number;
        this.trigger = trigger;
    }

    public int number() {
        return number;
    }

    public Trigger trigger() {
        return trigger;
    }

    /** Wires {@code device}'s interrupt output to this line. */
    public void attach(Device device) {
        device.connect(this);
        devices.add(device);
    }

    public List<Device> devices() {
        return List.copyOf(devices);
    }

    /** A device's output rose. */
    void rise() {
        if (trigger == Trigger.EDGE) {
            edgePending.set(true);
        }
        controller.kick();
    }

    boolean asserted() {
        for (Device d : devices) {
            if (d.asserting()) {
                return true;
            }
        }
        return false;
    }

    /** Whether an interrupt should be delivered now; consumes a pending edge. Called on the interrupt CPU. */
    boolean takeDeliverable() {
        if (disabled || oneshotHolders.get() != 0 || actions.isEmpty()) {
            return false;
        }
        return trigger == Trigger.LEVEL ? asserted() : edgePending.getAndSet(false);
    }

    void maskForThread(int actionBit) {
        oneshotHolders.getAndUpdate(m -> m | actionBit);
    }

    void unmaskForThread(int actionBit) {
        if ((oneshotHolders.getAndUpdate(m -> m & ~actionBit) & actionBit) != 0) {
            controller.kick();
        }
    }

    void disable(String why) {
        disabledWhy = why;
        disabled = true;
    }

    public boolean disabled() {
        return disabled;
    }

    /** The reason the line was disabled (the spurious detector's report), or {@code null}. */
    public String disabledWhy() {
        return disabledWhy;
    }

    public SpuriousDetector.Counts counts() {
        return spurious.counts();
    }

    @Override
    public String toString() {
        return "irq " + number + " (" + trigger.name().toLowerCase() + ")";
    }
}
