package io.wakepath.irq;

import io.wakepath.core.AtomicContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;

/**
 * The interrupt controller and its "interrupt CPU": one platform thread that delivers interrupts, running the hard
 * handlers of a line one after the other in atomic context ({@code __handle_irq_event_percpu}), then notes the
 * result for the spurious detector ({@code note_interrupt}).
 *
 * <p>Flow handling: a level line is delivered again as long as it is asserted once its handlers have run; an edge
 * line once per latched edge. A handler returning {@link IrqReturn#WAKE_THREAD} wakes its thread; with ONESHOT the
 * line stays masked until that thread returns. An exception or a sleep in a hard handler is recorded as an error
 * (the kernel's BUG report) and the interrupt counts as handled; the run goes on, and reports it.
 *
 * <p>{@link #freeIrq} is {@code free_irq}: after it returns, the handler is not running and never runs again.
 */
public final class IrqController implements AutoCloseable {
    private final List<IrqLine> lines = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicContext.CpuThread cpu;
    private final AtomicInteger nextActionBit = new AtomicInteger();
    private volatile boolean running = true;
    private volatile IrqLine inService;          // the line whose handlers run now (synchronize_irq waits on it)
    private volatile long serviceSeq;            // incremented after each delivery
    private volatile ObjLongConsumer<Device> entryLatency = (device, nanos) -> { };

    public IrqController() {
        cpu = new AtomicContext.CpuThread(this::cpuLoop, "irq-cpu");
        cpu.start();
    }

    /** A new line; its number is for reports only. */
    public IrqLine line(int number, IrqLine.Trigger trigger) {
        IrqLine line = new IrqLine(this, number, Objects.requireNonNull(trigger, "trigger"));
        lines.add(line);
        return line;
    }

    /** Receives, on the interrupt CPU, the time from a device's output rising to its hard handler starting. */
    public void onEntryLatency(ObjLongConsumer<Device> latency) {
        this.entryLatency = Objects.requireNonNull(latency, "latency");
    }

    /** {@code request_threaded_irq}: registers {@code handler} for {@code device} on its line. */
    public IrqAction requestIrq(Device device, IrqHandler handler, String name) {
        IrqLine line = device.line();
        if (line == null || !lines.contains(line)) {
            throw new IllegalArgumentException(device + " is not attached to a line of this controller");
        }
        int n = nextActionBit.getAndIncrement();
        if (n >= 31) {
            throw new IllegalStateException("at most 31 handlers per controller");
        }
        IrqAction action = new IrqAction(line, device, handler, name, 1 << n, this);
        line.actions.add(action);
        kick();
        return action;
    }

    /**
     * {@code free_irq}: removes the handler, waits until it is not running ({@code synchronize_irq}) and stops its
     * thread. @return false when the hard handler or its thread did not finish within {@code timeoutMillis}
     */
    public boolean freeIrq(IrqAction action, long timeoutMillis) throws InterruptedException {
        action.line.actions.remove(action);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long seq = serviceSeq;
        while (inService == action.line && serviceSeq == seq) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        boolean stopped = action.stopThread(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        action.line.unmaskForThread(action.bit);
        return stopped;
    }

    void kick() {
        LockSupport.unpark(cpu);
    }

    void error(String where, Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        errors.add(where + ": " + t + (stack.length > 0 ? " at " + stack[0] : ""));
    }

    /** Errors raised by handlers (exceptions, sleeping in atomic context), one line each. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** The interrupt CPU (for stack reports, and to tell whether it is stuck in a hard handler). */
    public AtomicContext.CpuThread cpu() {
        return cpu;
    }

    public List<IrqLine> lines() {
        return List.copyOf(lines);
    }

    private void cpuLoop() {
        while (running) {
            boolean delivered = false;
            for (IrqLine line : lines) {
                if (line.takeDeliverable()) {
                    deliver(line);
                    delivered = true;
                }
            }
            if (!delivered) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));   // kick() unparks at once
            }
        }
    }

    private void deliver(IrqLine line) {
        inService = line;
        boolean handled = false;
        try {
            for (IrqAction action : line.actions) {
                long sinceAsserted = action.device.handlerEntered();
                if (sinceAsserted >= 0) {
                    entryLatency.accept(action.device, sinceAsserted);
                }
                IrqReturn ret;
                cpu.enterAtomic();
                try {
                    ret = action.handler.hardIrq();
                } catch (Throwable t) {
                    error(action.name + " hard handler", t);
                    ret = IrqReturn.HANDLED;
                } finally {
                    cpu.exitAtomic();
                }
                if (ret == null) {
                    error(action.name + " hard handler", new IllegalStateException("bogus return value null"));
                    ret = IrqReturn.NONE;
                }
                boolean wakesThread = ret == IrqReturn.WAKE_THREAD;
                if (wakesThread && !action.handler.threaded()) {
                    error(action.name + " hard handler", new IllegalStateException("WAKE_THREAD without a thread"));
                    wakesThread = false;
                }
                action.device.handlerReturned(ret, !wakesThread);
                if (wakesThread) {
                    if (action.handler.oneshot()) {
                        line.maskForThread(action.bit);
                    }
                    action.wakeThread();
                }
                handled |= ret != IrqReturn.NONE;
            }
            if (line.spurious.note(handled, System.nanoTime())) {
                line.disable("irq " + line.number() + ": nobody cared (more than " + SpuriousDetector.NOBODY_CARED
                        + " of " + SpuriousDetector.WINDOW + " interrupts unhandled); disabling IRQ #" + line.number());
            }
        } finally {
            inService = null;
            serviceSeq++;
        }
    }

    /** Stops the interrupt CPU and every handler thread. */
    @Override
    public void close() throws InterruptedException {
        for (IrqLine line : lines) {
            for (IrqAction action : new ArrayList<>(line.actions)) {
                freeIrq(action, 1_000);
            }
        }
        running = false;
        LockSupport.unpark(cpu);
        cpu.join(1_000);
    }
}
