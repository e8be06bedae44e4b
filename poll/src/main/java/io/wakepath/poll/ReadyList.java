package io.wakepath.poll;

import java.util.List;

/**
 * An epoll instance's ready list ({@code ep->rdllist}): filled by wake callbacks on any thread, drained by the
 * delivering thread. An item is on it at most once; an item taken off is unlinked before it is polled again, so a
 * wake that comes during delivery puts it back (no edge is lost).
 */
interface ReadyList {

    /** Puts {@code item} at the tail unless it is already on the list; true if it was added. */
    boolean link(EpItem item);

    /** Takes every item off the list, in order, each unlinked. */
    List<EpItem> takeAll();

    /** Takes {@code item} off the list if it is on it (EPOLL_CTL_DEL). */
    void remove(EpItem item);

    boolean isEmpty();
}
