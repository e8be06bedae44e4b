package io.wakepath.waitqueue;

import java.util.function.BooleanSupplier;

/**
 * BROKEN on purpose. Bug class: <b>check then register</b> (testing the condition before the waiter is on the
 * queue, and not again after).
 *
 * <pre>
 *   waiter                         waker
 *   if (condition) return;         reads false
 *                                  condition = true;
 *                                  wake_up();             queue empty: wakes nobody
 *   queue entry;
 *   sleep();                       nobody will wake it
 * </pre>
 * The wake falls into the window between the check and the registration. {@code ___wait_event} closes it by
 * queueing (and fencing) first and checking after.
 *
 * @see KernelStyleWaitQueue the correct sibling: register, fence, then check
 */
public final class BrokenCheckThenRegisterWaitQueue extends KernelStyleWaitQueue {

    @Override
    long waitSlow(BooleanSupplier condition, boolean exclusive, boolean interruptible, boolean timed, long deadline) {
        boolean swallowed = false;
        try {
            for (;;) {
                if (condition.getAsBoolean()) {                   // BROKEN: checked while not yet queued...
                    return satisfied(timed, deadline);
                }
                WaitEntry entry = WaitEntry.sleeper(exclusive);
                enqueue(entry);                                   // ...and not re-checked once queued
                swallowed |= sleep(entry, timed, deadline, interruptible);
                finishWait(entry);
                if ((interruptible && Thread.currentThread().isInterrupted())
                        || (timed && deadline - System.nanoTime() <= 0)) {
                    return condition.getAsBoolean() ? satisfied(timed, deadline)
                            : interruptible && Thread.currentThread().isInterrupted() ? ERESTARTSYS : 0;
                }
            }
        } finally {
            if (swallowed) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
