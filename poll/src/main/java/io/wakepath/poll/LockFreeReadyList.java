package io.wakepath.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ready list as a lock-free queue: a callback claims the item's "linked" flag by compare-and-set and appends it;
 * the deliverer polls items off and clears the flag before it re-polls them, so a callback during delivery appends
 * the item again. Callbacks never block each other or the deliverer.
 */
final class LockFreeReadyList implements ReadyList {
    private final ConcurrentLinkedQueue<EpItem> items = new ConcurrentLinkedQueue<>();

    @Override
    public boolean link(EpItem item) {
        if (!item.link()) {
            return false;
        }
        items.add(item);
        return true;
    }

    @Override
    public List<EpItem> takeAll() {
        List<EpItem> taken = new ArrayList<>();
        EpItem item;
        while ((item = items.poll()) != null) {
            item.unlink();
            taken.add(item);
        }
        return taken;
    }

    @Override
    public void remove(EpItem item) {
        if (items.remove(item)) {
            item.unlink();
        }
    }

    @Override
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
