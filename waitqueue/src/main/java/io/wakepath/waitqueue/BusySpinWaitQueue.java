package io.wakepath.waitqueue;

/**
 * {@link KernelStyleWaitQueue} whose waiters never sleep: they spin on their entry until a waker takes it. The
 * lowest wake-up latency there is, at the price of one CPU per waiter, all the time: a floor for latency
 * comparisons, not something to run with more waiters than CPUs.
 */
public final class BusySpinWaitQueue extends KernelStyleWaitQueue {

    @Override
    protected void unblock(WaitEntry entry) {
        // the waiter is spinning on its entry's state: the CAS that took the entry is the whole wake
    }

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        boolean swallowed = false;
        while (entry.waiting()) {
            if (interruptible) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            } else if (Thread.interrupted()) {
                swallowed = true;
            }
            if (timed && deadline - System.nanoTime() <= 0) {
                break;
            }
            Thread.onSpinWait();
        }
        return swallowed;
    }
}
