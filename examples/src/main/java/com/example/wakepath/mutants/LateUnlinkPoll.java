package com.example.wakepath.mutants;

import com.example.wakepath.ReadyDequePoll;

/**
 * An epoll edge lost while its item is being delivered: delivery clears the item's "on the ready list" flag only
 * after it has polled the item again ("the item is still ours while we look at it"). A wake that lands between the
 * re-poll and the clear finds the flag set and does nothing; when that re-poll found nothing ready (the data of the
 * previous edge was read meanwhile), the new data sits readable with no edge pending, and an edge-triggered reader
 * sleeps on it.
 */
public class LateUnlinkPoll extends ReadyDequePoll {
    @Override
    protected boolean unlinksBeforeRepoll() {
        return false;
    }
}
