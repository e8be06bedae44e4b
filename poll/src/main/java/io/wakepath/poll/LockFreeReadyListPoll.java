package io.wakepath.poll;

/**
 * The epoll ready list as a lock-free queue: a callback claims an item's "on the list" flag by compare-and-set and
 * appends it, the deliverer clears the flag before polling the item again, so callbacks never wait for each other
 * or for a delivery in progress. Poll tables fence after registering. Costs a queue node per wake that links an item.
 */
public final class LockFreeReadyListPoll extends AbstractPoll {

    @Override
    ReadyList newReadyList() {
        return new LockFreeReadyList();
    }
}
