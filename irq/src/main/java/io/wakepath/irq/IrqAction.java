package io.wakepath.irq;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One registered handler on a line ({@code struct irqaction}): the device it serves, its handler, and for a threaded
 * handler the thread ({@code irq/N-name}) with its coalescing run flag ({@code IRQTF_RUNTHREAD}).
 */
public final class IrqAction {
    final IrqLine line;
    final Device device;
    final IrqHandler handler;
    final String name;
    final int bit;
    private final AtomicBoolean runThread = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long threadRuns;
    private volatile long coalescedWakes;

    IrqAction(IrqLine line, Device device, IrqHandler handler, String name, int bit, IrqController controller) {
        this.line = line;
        this.device = device;
        this.handler = handler;
        this.name = name;
        this.bit = bit;
        if (handler.threaded()) {
            thread = new Thread(this::threadLoop, "irq/" + line.number() + "-" + name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> controller.error(name + " threaded handler", e));
            thread.start();
        } else {
            thread = null;
        }
    }

    public Device device() {
        return device;
    }

    public String name() {
        return name;
    }

    /** {@code irq_wake_thread}: one pending run; a wake while one is pending coalesces. */
    void wakeThread() {
        if (runThread.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        } else {
            coalescedWakes++;
        }
    }

    private void threadLoop() {
        while (!stopping) {
            if (!runThread.getAndSet(false)) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(10));
                continue;
            }
            device.threadEntered();
            try {
                handler.threadFn();
            } finally {
                device.threadReturned();
                threadRuns++;
                // irq_finalize_oneshot: the line stays masked while another run is pending
                if (handler.oneshot() && !runThread.get()) {
                    line.unmaskForThread(bit);
                }
            }
        }
    }

    /** Stops the thread after its current run; true when it ended within the bound. */
    boolean stopThread(long timeoutMillis) throws InterruptedException {
        if (thread == null) {
            return true;
        }
        stopping = true;
        LockSupport.unpark(thread);
        thread.join(timeoutMillis);
        return !thread.isAlive();
    }

    /** The handler thread, or {@code null} (for stack reports). */
    public Thread thread() {
        return thread;
    }

    public long threadRuns() {
        return threadRuns;
    }

    public long coalescedWakes() {
        return coalescedWakes;
    }
}
