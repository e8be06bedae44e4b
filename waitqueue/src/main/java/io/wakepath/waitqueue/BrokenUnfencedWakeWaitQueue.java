package io.wakepath.waitqueue;

import java.lang.invoke.VarHandle;

/**
 * BROKEN on purpose. Bug class: <b>store-buffering lost wakeup</b> (the missing {@code smp_mb()} that the comment
 * on {@code waitqueue_active()} in {@code include/linux/wait.h} warns about).
 *
 * <p>The waker's "anyone waiting?" check reads the queue with acquire semantics only. Acquire orders later accesses
 * after the load, not the waker's earlier condition store before it, so on x86 the load can complete while that
 * store still sits in the store buffer:
 * <pre>
 *   waker                          waiter
 *   condition = true;  (release)   queue entry;  smp_mb();
 *   if (queue empty)   (acquire)   if (!condition)        reads false
 *       return;        reads empty     sleep();           nobody will wake it
 * </pre>
 * Both sides miss each other and the waiter sleeps with the condition true.
 *
 * @see KernelStyleWaitQueue the correct sibling: a full fence before the check
 */
public final class BrokenUnfencedWakeWaitQueue extends KernelStyleWaitQueue {

    @Override
    public boolean hasSleeper() {
        boolean active = active();
        VarHandle.acquireFence();          // BROKEN: an acquire load, where a full fence must come before it
        return active;
    }
}
