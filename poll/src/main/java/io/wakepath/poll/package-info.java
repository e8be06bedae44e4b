/**
 * Readiness: the poll table and the {@code .poll(table)} contract ({@link io.wakepath.poll.Pollable}), a
 * poll(2)-like multi-wait and an epoll-like instance (level- and edge-triggered, ONESHOT, EXCLUSIVE), faithful to
 * {@code include/linux/poll.h}, {@code fs/select.c} and {@code fs/eventpoll.c}.
 *
 * <p>A {@link io.wakepath.poll.Poll} strategy is the engine: poll(2), epoll instances, the registration of poll
 * tables on wait queues (with the fence that pairs with a waker's has-sleeper check) and the rule by which a
 * device's {@code .poll} computes its IN bit. Strategies differ in how the epoll ready list is protected; the broken
 * ones demonstrate readiness that disagrees with read and a registration race. {@link
 * io.wakepath.poll.PollStrategies} is their registry; {@link io.wakepath.poll.TestPollable} a simple device to
 * test the layer alone.
 */
package io.wakepath.poll;
