package io.wakepath.poll;

/**
 * The kernel's arrangement: the epoll ready list under a lock ({@code ep->lock}), taken by wake callbacks and by the
 * delivering thread; poll tables fence after registering ({@code sock_poll_wait}). Simple and fair; callbacks on
 * many CPUs serialize on the lock.
 */
public class LockedReadyListPoll extends AbstractPoll {

    @Override
    ReadyList newReadyList() {
        return new LockedReadyList();
    }
}
