package io.wakepath.waitqueue;

import java.lang.invoke.VarHandle;
import java.util.function.BooleanSupplier;

/**
 * BROKEN on purpose. Bug class: <b>exclusive waiter eats a wake, then bails</b> (what {@code abort_exclusive_wait},
 * and later the re-check in {@code prepare_to_wait_event}, were written to prevent).
 *
 * <p>A wake chooses one exclusive waiter. If that waiter times out or is interrupted at the same moment, it returns
 * the failure without re-checking the condition and without passing the wake on:
 * <pre>
 *   waiter A (exclusive)           waker                   waiter B (exclusive)
 *   sleeps                                                 sleeps
 *                                  condition = true;
 *                                  wake_up();  -> takes A
 *   interrupted / timed out
 *   return failure;                                        sleeps on: the wake was eaten
 * </pre>
 *
 * @see KernelStyleWaitQueue the correct sibling: a chosen waiter that leaves consumes the condition or hands the wake on
 */
public final class BrokenExclusiveBailWaitQueue extends KernelStyleWaitQueue {

    @Override
    long waitSlow(BooleanSupplier condition, boolean exclusive, boolean interruptible, boolean timed, long deadline) {
        boolean swallowed = false;
        try {
            for (;;) {
                WaitEntry entry = WaitEntry.sleeper(exclusive);
                enqueue(entry);
                VarHandle.fullFence();
                if (condition.getAsBoolean()) {
                    finishWait(entry);
                    return satisfied(timed, deadline);
                }
                swallowed |= sleep(entry, timed, deadline, interruptible);
                boolean interrupted = interruptible && Thread.currentThread().isInterrupted();
                if (interrupted || (timed && deadline - System.nanoTime() <= 0)) {
                    dequeue(entry);                               // BROKEN: may have been chosen; the wake is dropped
                    return interrupted ? ERESTARTSYS : 0;         // BROKEN: and the condition is not re-checked
                }
                finishWait(entry);
            }
        } finally {
            if (swallowed) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
