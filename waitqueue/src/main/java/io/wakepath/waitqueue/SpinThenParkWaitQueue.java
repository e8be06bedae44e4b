package io.wakepath.waitqueue;

/**
 * {@link KernelStyleWaitQueue} whose waiters spin for a short while ({@value #SPIN_NANOS} ns, a typical
 * park/unpark round trip) before they park, like an adaptive mutex: a wake that comes soon is caught without a
 * context switch, one that comes late costs the spin. Use when wakes usually follow waits closely and a CPU can be
 * spared for that long.
 */
public final class SpinThenParkWaitQueue extends KernelStyleWaitQueue {
    static final long SPIN_NANOS = 20_000;

    @Override
    boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (entry.waiting() && System.nanoTime() - spinUntil < 0) {
            if ((interruptible && Thread.currentThread().isInterrupted())
                    || (timed && deadline - System.nanoTime() <= 0)) {
                return false;
            }
            Thread.onSpinWait();
        }
        return super.sleep(entry, timed, deadline, interruptible);
    }

    @Override
    public String toString() {
        return "SpinThenParkWaitQueue[spin " + SPIN_NANOS + " ns]";
    }
}
