package io.wakepath.irq;

/** What a hard handler returns ({@code irqreturn_t}). */
public enum IrqReturn {
    /** Not this device's interrupt (or nothing to do): counts as unhandled for the spurious detector. */
    NONE,
    /** Handled here, in the hard handler. */
    HANDLED,
    /** Handled: the device is quiet; run the threaded handler to finish the work. */
    WAKE_THREAD
}
