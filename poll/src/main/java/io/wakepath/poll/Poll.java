package io.wakepath.poll;

/**
 * A readiness engine: poll(2), epoll instances, how a poll table registers on a wait queue, and the rule by which a
 * device computes its IN bit. A {@link Pollable} device is built with one, and so is a caller's event loop.
 */
public interface Poll {

    /**
     * {@code poll(2)} ({@code do_poll} in {@code fs/select.c}): polls every entry, registering on their wait queues in
     * the first pass only; returns as soon as one is ready, else sleeps until a wake (any registered queue) or the
     * timeout, and polls again. A wake that leaves nothing ready just leads to another sleep.
     *
     * @param timeoutNanos 0 to return at once, {@code -1} to wait without limit
     * @return entries with non-zero {@link PollFd#revents()}, 0 on timeout, {@code -EINTR} when interrupted
     */
    int poll(PollFd[] fds, long timeoutNanos);

    /** {@code epoll_create1}: a new, empty epoll instance. */
    Epoll epollCreate();

    /**
     * The IN part of a {@code .poll} mask: {@link PollEvents#IN} exactly when {@code source} is readable, the
     * state a single reader's read uses, so that IN is never followed by EAGAIN.
     */
    int inMask(ReadinessSource source);
}
