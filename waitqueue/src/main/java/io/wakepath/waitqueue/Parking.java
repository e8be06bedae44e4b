package io.wakepath.waitqueue;

import java.util.concurrent.locks.LockSupport;

/**
 * {@code schedule()} with {@link LockSupport#park}: the sleep of the park/unpark strategies, for a user's
 * {@link AbstractWaitQueue} too (its waker unparks {@link WaitEntry#thread()}).
 */
public final class Parking {
    private Parking() {
    }

    /** See {@link AbstractWaitQueue#sleep}; {@code blocker} shows in thread dumps. */
    public static boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible, Object blocker) {
        boolean swallowed = false;
        while (entry.waiting()) {              // lv: pairs with the CAS in WaitEntry.claimForWake
            if (interruptible) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            } else if (Thread.interrupted()) {
                swallowed = true;              // park returns at once while the flag is set; restored by the caller
            }
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(blocker, left);
            } else {
                LockSupport.park(blocker);
            }
        }
        return swallowed;
    }
}
