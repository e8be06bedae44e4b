package io.wakepath.poll;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** The ready list under a lock, as {@code ep->lock} guards {@code rdllist}. */
final class LockedReadyList implements ReadyList {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<EpItem> items = new ArrayDeque<>();

    @Override
    public boolean link(EpItem item) {
        lock.lock();
        try {
            if (!item.link()) {
                return false;
            }
            items.addLast(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<EpItem> takeAll() {
        lock.lock();
        try {
            List<EpItem> taken = new ArrayList<>(items);
            items.clear();
            taken.forEach(EpItem::unlink);
            return taken;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void remove(EpItem item) {
        lock.lock();
        try {
            if (items.remove(item)) {
                item.unlink();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }
}
