package io.wakepath.poll;

import io.wakepath.core.Errno;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
import io.wakepath.waitqueue.WaitEntry;
import io.wakepath.waitqueue.WaitQueue;

import java.lang.invoke.VarHandle;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The epoll algorithm of {@code fs/eventpoll.c}: {@code ep_insert}, {@code ep_modify}, {@code ep_remove},
 * {@code ep_poll}, {@code ep_send_events} and the wake callback {@code ep_poll_callback}, over the strategy's
 * {@link ReadyList}. The control operations and deliveries are serialized by one mutex ({@code ep->mtx}); callbacks
 * run on wakers' threads, under the pollable's wait-queue lock. Waiting threads sleep exclusively on the instance's
 * own wait queue ({@code ep->wq}).
 */
final class EpollInstance implements Epoll {
    private final AbstractPoll engine;
    private final ReadyList ready;
    private final WaitQueue waiters = new KernelStyleWaitQueue();
    private final ReentrantLock mutex = new ReentrantLock();
    private final Map<Pollable, EpItem> items = new IdentityHashMap<>();   // guarded by mutex

    EpollInstance(AbstractPoll engine, ReadyList ready) {
        this.engine = engine;
        this.ready = ready;
    }

    @Override
    public int add(Pollable pollable, int events, long data) {
        Objects.requireNonNull(pollable, "pollable");
        int invalid = invalid(events);
        if (invalid != 0) {
            return invalid;
        }
        mutex.lock();
        try {
            if (items.containsKey(pollable)) {
                return -Errno.EEXIST;
            }
            EpItem item = new EpItem(pollable, events | PollEvents.ALWAYS, data);
            items.put(pollable, item);
            int revents = pollable.poll(new ItemTable(item)) & item.events;   // registers, then reads the state
            if (revents != 0 && ready.link(item)) {
                waiters.wakeUp();
            }
            return 0;
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public int modify(Pollable pollable, int events, long data) {
        Objects.requireNonNull(pollable, "pollable");
        int invalid = invalid(events);
        if (invalid != 0) {
            return invalid;
        }
        mutex.lock();
        try {
            EpItem item = items.get(pollable);
            if (item == null) {
                return -Errno.ENOENT;
            }
            if (item.exclusive() || (events & PollEvents.EPOLLEXCLUSIVE) != 0) {
                return -Errno.EINVAL;                  // EPOLLEXCLUSIVE items cannot be modified
            }
            item.data = data;
            item.events = events | PollEvents.ALWAYS;  // re-arms a ONESHOT item
            // ep_modify's smp_mb: the new mask is visible to callbacks before the state is read again below.
            VarHandle.fullFence();
            int revents = pollable.poll(PollTable.NONE) & item.events;
            if (revents != 0 && ready.link(item)) {
                waiters.wakeUp();
            }
            return 0;
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public int delete(Pollable pollable) {
        Objects.requireNonNull(pollable, "pollable");
        mutex.lock();
        try {
            EpItem item = items.remove(pollable);
            if (item == null) {
                return -Errno.ENOENT;
            }
            item.events = 0;                           // callbacks in flight ignore it
            for (int i = 0; i < item.queues.size(); i++) {
                item.queues.get(i).remove(item.entries.get(i));
            }
            ready.remove(item);
            return 0;
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public int wait(EpollEvent[] events, int maxEvents, long timeoutNanos) {
        Objects.requireNonNull(events, "events");
        if (maxEvents <= 0 || maxEvents > events.length) {
            throw new IllegalArgumentException("maxEvents must be between 1 and events.length (" + events.length
                    + "), got " + maxEvents);
        }
        AbstractPoll.requireTimeout(timeoutNanos);
        boolean timed = timeoutNanos >= 0;
        long deadline = timed ? System.nanoTime() + timeoutNanos : 0;
        for (;;) {
            if (!ready.isEmpty()) {
                int delivered = sendEvents(events, maxEvents);
                if (delivered > 0) {
                    return delivered;
                }
            }
            long left = timed ? deadline - System.nanoTime() : WaitQueue.UNTIMED;
            if (timed && left <= 0) {
                return 0;
            }
            if (waiters.wait(() -> !ready.isEmpty(), true, true, left) == WaitQueue.ERESTARTSYS) {
                return -Errno.EINTR;
            }
        }
    }

    /**
     * {@code ep_send_events}: takes the ready list, polls every item again (no registration), delivers the ready
     * ones; a level-triggered item goes back on the list, an edge-triggered one waits for a new wake, a ONESHOT one is
     * disarmed. Items past {@code maxEvents} go back on the list, and whatever is left wakes another waiter.
     */
    private int sendEvents(EpollEvent[] out, int maxEvents) {
        mutex.lock();
        try {
            List<EpItem> taken = ready.takeAll();
            // Unlinked before polled again: a wake from here on queues the item anew. With a locked list the lock
            // orders the unlink against a callback's link (as ep->lock does); a lock-free list shares no lock with
            // the callback, and a volatile store followed by the re-poll's acquire load may pass each other (store
            // buffering): both sides would miss, and an edge would be lost. Pairs with the fence in hasSleeper,
            // which every wake passes before its callbacks run.
            VarHandle.fullFence();
            int delivered = 0;
            int i = 0;
            for (; i < taken.size() && delivered < maxEvents; i++) {
                EpItem item = taken.get(i);
                int events = item.events;
                int revents = item.pollable.poll(PollTable.NONE) & events;
                if (revents == 0) {
                    continue;                          // a wake without readiness delivers nothing
                }
                if (out[delivered] == null) {
                    out[delivered] = new EpollEvent();
                }
                out[delivered].events = revents;
                out[delivered].data = item.data;
                delivered++;
                if ((events & PollEvents.EPOLLONESHOT) != 0) {
                    item.events = events & PollEvents.EPOLL_FLAGS;   // disarmed until EPOLL_CTL_MOD
                } else if ((events & PollEvents.EPOLLET) == 0) {
                    ready.link(item);                  // level-triggered: stays ready while ready
                }
            }
            for (; i < taken.size(); i++) {
                ready.link(taken.get(i));              // not delivered this time
            }
            if (!ready.isEmpty()) {
                waiters.wakeUp();                      // ep_done_scan: what is left is another waiter's to take
            }
            return delivered;
        } finally {
            mutex.unlock();
        }
    }

    /** {@code ep_poll_callback}: runs on a waker's thread for each of the item's registrations. */
    private int callback(EpItem item, int key) {
        int events = item.events;
        if ((events & ~PollEvents.EPOLL_FLAGS) == 0) {
            return 0;                                  // disarmed ONESHOT, or deleted
        }
        if (key != WaitQueue.NO_KEY && (key & events) == 0) {
            return 0;                                  // a wake for events this item does not watch
        }
        ready.link(item);
        int woken = waiters.wakeUp();
        // An exclusive registration counts as a wake only if a waiting thread was woken: the walk over the
        // pollable's queue then goes on to the next epoll instance ("one or more" of them).
        return (events & PollEvents.EPOLLEXCLUSIVE) == 0 || woken > 0 ? 1 : 0;
    }

    /** {@code -EINVAL} for unknown bits or EXCLUSIVE with ONESHOT; 0 otherwise. */
    private static int invalid(int events) {
        if ((events & ~(PollEvents.EVENTS | PollEvents.EPOLL_FLAGS)) != 0) {
            return -Errno.EINVAL;
        }
        if ((events & PollEvents.EPOLLEXCLUSIVE) != 0 && (events & PollEvents.EPOLLONESHOT) != 0) {
            return -Errno.EINVAL;
        }
        return 0;
    }

    /** {@code ep_ptable_queue_proc}: registers the item's callback, exclusively for an EXCLUSIVE item. */
    private final class ItemTable extends PollTable {
        private final EpItem item;

        ItemTable(EpItem item) {
            super(item.events);
            this.item = item;
        }

        @Override
        public void wait(WaitQueue queue) {
            WaitEntry entry = queue.add((e, key) -> callback(item, key), item.exclusive(), false);
            item.queues.add(queue);
            item.entries.add(entry);
            engine.registered();
        }
    }
}
