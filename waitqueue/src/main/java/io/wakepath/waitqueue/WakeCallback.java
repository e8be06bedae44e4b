package io.wakepath.waitqueue;

/**
 * A wait-queue entry's wake function (the kernel's {@code wait_queue_func_t}), called by a waker for each entry it
 * walks. With a locked strategy it runs under the queue's lock, so it must not block or wait on the queue; the
 * lock-free strategy may call it from two wakers at once.
 */
@FunctionalInterface
public interface WakeCallback {

    /**
     * @param entry the entry being woken
     * @param key   the key of a keyed wake ({@link WaitQueue#wakeUpPoll}: a poll mask), {@link WaitQueue#NO_KEY} otherwise
     * @return {@code > 0} woken (an exclusive entry counts against the wake's number), {@code 0} not woken (the
     * walk goes on to the next entry), {@code < 0} stop the walk here
     */
    int wake(WaitEntry entry, int key);
}
