package io.wakepath.poll;

/**
 * BROKEN on purpose. Bug class: <b>registration race</b> (no fence between {@code poll_wait} and the readiness check,
 * the {@code smp_mb()} that {@code sock_poll_wait} carries).
 *
 * <p>The poll table's registration is a store, the readiness check a load of another location; without a full fence
 * the load can complete before the registration is visible to wakers:
 * <pre>
 *   poller                         device
 *   register on queue;   (store)   state = ready;         (store)
 *   mask = state;        reads old smp_mb(); if (queue has sleepers) wake;   sees none
 *   mask == 0: sleep                nobody wakes the poller; the data sits readable
 * </pre>
 *
 * @see LockedReadyListPoll the correct sibling: a full fence after each registration
 */
public final class BrokenRegistrationRacePoll extends LockedReadyListPoll {

    @Override
    void registered() {
        // BROKEN: no fence between the registration and the pollable's state read
    }
}
