package io.wakepath.irq;

/**
 * The two halves of a driver's interrupt handling, as {@code request_threaded_irq} takes them.
 */
public interface IrqHandler {

    /**
     * The hard handler, on the interrupt CPU in atomic context: it must not sleep (a wait raises
     * {@link io.wakepath.core.AtomicContext.SleepInAtomicError}). On a shared line it runs for every interrupt of the
     * line, so it must read its device's status and return {@link IrqReturn#NONE} when its device raised nothing.
     */
    IrqReturn hardIrq();

    /**
     * The threaded handler, run in thread context after the hard handler returned {@link IrqReturn#WAKE_THREAD}
     * (wakes that arrive while a run is pending coalesce into that run). May sleep. Only called when
     * {@link #threaded()}.
     */
    default void threadFn() {
        throw new UnsupportedOperationException("no threaded handler");
    }

    /** Whether there is a threaded handler. */
    default boolean threaded() {
        return false;
    }

    /** {@code IRQF_ONESHOT}: keep the line masked until the threaded handler returns. */
    default boolean oneshot() {
        return false;
    }
}
