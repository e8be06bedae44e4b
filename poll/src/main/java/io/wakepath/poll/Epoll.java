package io.wakepath.poll;

/**
 * An epoll instance ({@code fs/eventpoll.c}). Items are added with the events of interest and flags:
 * <ul>
 *   <li>level-triggered (default): an item stays on the ready list while it is ready, and is delivered by every
 *       wait that finds it ready;</li>
 *   <li>{@link PollEvents#EPOLLET}: delivered once per wake; only a new wake re-arms it, so a reader must drain
 *       until EAGAIN;</li>
 *   <li>{@link PollEvents#EPOLLONESHOT}: disarmed after one delivery until {@link #modify} re-arms it;</li>
 *   <li>{@link PollEvents#EPOLLEXCLUSIVE}: registered exclusively on the pollable's queues, so a wake reaches one or
 *       more of the epoll instances watching it, not all; such an item cannot be modified.</li>
 * </ul>
 * The ready list is filled by keyed wake callbacks; at delivery every item is polled again, and an item that is no
 * longer ready delivers nothing. ERR and HUP are always watched. Several threads may wait on one instance: they
 * wait exclusively, one woken per wake.
 *
 * <p>Results follow the system calls: 0 or a count, or a negative errno ({@code -EEXIST}, {@code -ENOENT},
 * {@code -EINVAL}, {@code -EINTR}). Null or out-of-range arguments throw.
 */
public interface Epoll {

    /** {@code EPOLL_CTL_ADD}: 0, {@code -EEXIST} if already added, {@code -EINVAL} for a bad combination. */
    int add(Pollable pollable, int events, long data);

    /** {@code EPOLL_CTL_MOD}: 0, {@code -ENOENT}, or {@code -EINVAL} (an EXCLUSIVE item, or EXCLUSIVE asked). */
    int modify(Pollable pollable, int events, long data);

    /** {@code EPOLL_CTL_DEL}: 0 or {@code -ENOENT}. */
    int delete(Pollable pollable);

    /**
     * {@code epoll_wait}: fills {@code events} from index 0 with at most {@code maxEvents} ready items.
     *
     * @param timeoutNanos 0 to return at once, {@code -1} to wait without limit
     * @return the number delivered, 0 on timeout, {@code -EINTR} when interrupted (the interrupt status stays set)
     */
    int wait(EpollEvent[] events, int maxEvents, long timeoutNanos);
}
