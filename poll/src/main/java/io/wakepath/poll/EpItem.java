package io.wakepath.poll;

import io.wakepath.waitqueue.WaitEntry;
import io.wakepath.waitqueue.WaitQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * One pollable in one epoll instance ({@code struct epitem}): its events and flags, its data, its registrations on
 * the pollable's wait queues, and whether it is on the ready list.
 */
final class EpItem {
    private static final VarHandle LINKED;

    static {
        try {
            LINKED = MethodHandles.lookup().findVarHandle(EpItem.class, "linked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Pollable pollable;
    volatile int events;                   // events | ERR | HUP | flags; no event bits: disarmed or deleted
    volatile long data;
    final List<WaitQueue> queues = new ArrayList<>();     // guarded by the instance's mutex
    final List<WaitEntry> entries = new ArrayList<>();
    private volatile boolean linked;       // on the ready list

    EpItem(Pollable pollable, int events, long data) {
        this.pollable = pollable;
        this.events = events;
        this.data = data;
    }

    /** Marks the item linked; false if it already was. */
    boolean link() {
        return LINKED.compareAndSet(this, false, true);
    }

    void unlink() {
        linked = false;
    }

    boolean exclusive() {
        return (events & PollEvents.EPOLLEXCLUSIVE) != 0;
    }
}
