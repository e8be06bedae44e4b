package com.example.wakepath;

import io.wakepath.core.Errno;
import io.wakepath.poll.Epoll;
import io.wakepath.poll.EpollEvent;
import io.wakepath.poll.LockedReadyListPoll;
import io.wakepath.poll.Poll;
import io.wakepath.poll.PollEvents;
import io.wakepath.poll.PollFd;
import io.wakepath.poll.PollTable;
import io.wakepath.poll.Pollable;
import io.wakepath.poll.ReadinessSource;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
import io.wakepath.waitqueue.WaitEntry;
import io.wakepath.waitqueue.WaitQueue;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A user's poll engine with an epoll of its own, written from the {@link Epoll} contract: items in a map under the
 * instance's monitor, a lock-free ready deque that wake callbacks append to, an "on the ready list" flag per item
 * so that an item is queued once, and the instance's sleepers on a wakepath wait queue; a poll(2) of its own. The
 * IN rule is the library's ({@link LockedReadyListPoll}). Correct: {@code check --target
 * poll=com.example.wakepath.ReadyDequePoll} comes out clean. The classes in {@code mutants} each change one hook.
 *
 * <p>The one subtle line is in {@link Instance#deliver}: an item taken off the deque is marked "not on the list"
 * <em>before</em> it is polled again, with a full fence between, so that a wake arriving during delivery either finds
 * the flag clear and queues the item again, or happened early enough for the re-poll to see its data:
 * <pre>
 *   deliverer                         device + wake callback
 *   onList = false;                   data = 1;
 *   smp_mb();                         smp_mb();            (wq_has_sleeper)
 *   mask = pollable.poll();           if (CAS onList false -> true) queue the item;
 * </pre>
 */
public class ReadyDequePoll implements Poll {
    private final Poll base = new LockedReadyListPoll();

    /**
     * poll(2), as {@code do_poll}: polls every descriptor, registering on their queues in the first pass only; returns
     * the ready ones, or sleeps until a wake (or the timeout) and polls again. A wake that leaves nothing ready is
     * followed by another sleep.
     */
    @Override
    public int poll(PollFd[] fds, long timeoutNanos) {
        if (timeoutNanos < -1) {
            throw new IllegalArgumentException("timeout must be -1 or 0 or more nanoseconds");
        }
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + timeoutNanos;
        AtomicBoolean triggered = new AtomicBoolean();
        List<WaitQueue> queues = new ArrayList<>();
        List<WaitEntry> entries = new ArrayList<>();
        try {
            for (boolean first = true, woken = false; ; first = false) {
                int count = 0;
                for (PollFd fd : fds) {
                    int key = watched(fd.events());
                    boolean register = first;
                    int revents = fd.pollable().poll(new PollTable(key) {
                        @Override
                        public void wait(WaitQueue queue) {
                            if (register) {
                                entries.add(queue.add((entry, wakeKey) -> pollwake(triggered, me, key, wakeKey),
                                        false, false));
                                queues.add(queue);
                                VarHandle.fullFence();  // registered before the state is read: pairs with hasSleeper
                            }
                        }
                    }) & key;
                    fd.setRevents(revents);
                    if (revents != 0) {
                        count++;
                    }
                }
                if (count > 0 || woken && returnsOnAnyWake()) {
                    return count;
                }
                if (timeoutNanos >= 0 && deadline - System.nanoTime() <= 0) {
                    return 0;
                }
                if (me.isInterrupted()) {
                    return -Errno.EINTR;
                }
                while (!triggered.get() && !me.isInterrupted()) {
                    long left = deadline - System.nanoTime();
                    if (timeoutNanos < 0) {
                        LockSupport.park(this);
                    } else if (left > 0) {
                        LockSupport.parkNanos(this, left);
                    } else {
                        break;
                    }
                }
                woken = triggered.getAndSet(false);     // a full fence: the next pass reads the state after it
            }
        } finally {
            for (int i = 0; i < queues.size(); i++) {
                queues.get(i).remove(entries.get(i));
            }
        }
    }

    private static int pollwake(AtomicBoolean triggered, Thread poller, int key, int wakeKey) {
        if (wakeKey != WaitQueue.NO_KEY && (wakeKey & key) == 0) {
            return 0;                                   // a wake for events this call did not ask for
        }
        triggered.set(true);
        LockSupport.unpark(poller);
        return 1;
    }

    /** Whether a wake ends the call even when nothing is ready (it must not: poll sleeps again). */
    protected boolean returnsOnAnyWake() {
        return false;
    }

    @Override
    public int inMask(ReadinessSource source) {
        return base.inMask(source);
    }

    @Override
    public Epoll epollCreate() {
        return new Instance();
    }

    /** Whether delivery clears an item's "on the list" flag before it polls the item again (it must). */
    protected boolean unlinksBeforeRepoll() {
        return true;
    }

    /** The events an item watches, given those it was added with: always ERR and HUP too (eventpoll.c). */
    protected int watched(int events) {
        return events | PollEvents.ALWAYS;
    }

    /** Whether a delivered ONESHOT item is disarmed until EPOLL_CTL_MOD (it must be). */
    protected boolean disarmsOneShot() {
        return true;
    }

    /** Whether a delivered level-triggered item goes back on the ready list (it must: it is reported while ready). */
    protected boolean requeuesLevelTriggered() {
        return true;
    }

    /** One pollable in one instance. */
    static final class Item {
        final Pollable pollable;
        volatile int events;                            // 0 event bits: disarmed (ONESHOT) or deleted
        volatile long data;
        final AtomicBoolean onList = new AtomicBoolean();
        final List<WaitQueue> queues = new ArrayList<>();
        final List<WaitEntry> entries = new ArrayList<>();

        Item(Pollable pollable, int events, long data) {
            this.pollable = pollable;
            this.events = events;
            this.data = data;
        }

        boolean exclusive() {
            return (events & PollEvents.EPOLLEXCLUSIVE) != 0;
        }
    }

    /** One epoll instance. */
    final class Instance implements Epoll {
        private final Map<Pollable, Item> items = new IdentityHashMap<>();      // guarded by this
        private final ConcurrentLinkedDeque<Item> ready = new ConcurrentLinkedDeque<>();
        private final WaitQueue sleepers = new KernelStyleWaitQueue();

        @Override
        public synchronized int add(Pollable pollable, int events, long data) {
            Objects.requireNonNull(pollable, "pollable");
            if (invalid(events)) {
                return -Errno.EINVAL;
            }
            if (items.containsKey(pollable)) {
                return -Errno.EEXIST;
            }
            Item item = new Item(pollable, watched(events), data);
            items.put(pollable, item);
            int mask = pollable.poll(new PollTable(item.events) {
                @Override
                public void wait(WaitQueue queue) {
                    item.entries.add(queue.add((entry, key) -> wake(item, key), item.exclusive(), false));
                    item.queues.add(queue);
                    VarHandle.fullFence();              // registered before the state is read: pairs with hasSleeper
                }
            }) & item.events;
            if (mask != 0 && queue(item)) {
                sleepers.wakeUp();
            }
            return 0;
        }

        @Override
        public synchronized int modify(Pollable pollable, int events, long data) {
            Objects.requireNonNull(pollable, "pollable");
            Item item = items.get(pollable);
            if (invalid(events)) {
                return -Errno.EINVAL;
            }
            if (item == null) {
                return -Errno.ENOENT;
            }
            if (item.exclusive() || (events & PollEvents.EPOLLEXCLUSIVE) != 0) {
                return -Errno.EINVAL;
            }
            item.data = data;
            item.events = watched(events);
            VarHandle.fullFence();                      // the new mask visible to callbacks before the state is read
            if ((pollable.poll(PollTable.NONE) & item.events) != 0 && queue(item)) {
                sleepers.wakeUp();
            }
            return 0;
        }

        @Override
        public synchronized int delete(Pollable pollable) {
            Objects.requireNonNull(pollable, "pollable");
            Item item = items.remove(pollable);
            if (item == null) {
                return -Errno.ENOENT;
            }
            item.events = 0;
            for (int i = 0; i < item.queues.size(); i++) {
                item.queues.get(i).remove(item.entries.get(i));
            }
            ready.remove(item);
            return 0;
        }

        @Override
        public int wait(EpollEvent[] out, int maxEvents, long timeoutNanos) {
            Objects.requireNonNull(out, "events");
            if (maxEvents <= 0 || maxEvents > out.length) {
                throw new IllegalArgumentException("maxEvents must be between 1 and " + out.length);
            }
            if (timeoutNanos < -1) {
                throw new IllegalArgumentException("timeout must be -1 or 0 or more nanoseconds");
            }
            long deadline = System.nanoTime() + timeoutNanos;
            for (;;) {
                int n = deliver(out, maxEvents);
                if (n > 0) {
                    return n;
                }
                long left = timeoutNanos < 0 ? WaitQueue.UNTIMED : deadline - System.nanoTime();
                if (timeoutNanos >= 0 && left <= 0) {
                    return 0;
                }
                if (sleepers.wait(() -> !ready.isEmpty(), true, true, left) == WaitQueue.ERESTARTSYS) {
                    return -Errno.EINTR;
                }
            }
        }

        /** Takes the items queued now, polls each again and fills {@code out} with the ready ones. */
        private synchronized int deliver(EpollEvent[] out, int max) {
            int n = 0;
            for (int i = ready.size(); i > 0 && n < max; i--) {
                Item item = ready.pollFirst();
                if (item == null) {
                    break;
                }
                boolean early = unlinksBeforeRepoll();
                if (early) {
                    item.onList.set(false);
                    VarHandle.fullFence();              // off the list before the re-poll: see the class comment
                }
                int events = item.events;
                int mask = item.pollable.poll(PollTable.NONE) & events;
                if (!early) {
                    item.onList.set(false);
                }
                if (mask == 0) {
                    continue;                           // woken, but nothing is ready now
                }
                if (out[n] == null) {
                    out[n] = new EpollEvent();
                }
                out[n++].set(mask, item.data);
                if ((events & PollEvents.EPOLLONESHOT) != 0 && disarmsOneShot()) {
                    item.events = events & PollEvents.EPOLL_FLAGS;
                } else if ((events & PollEvents.EPOLLET) == 0 && requeuesLevelTriggered()) {
                    queue(item);                        // level-triggered: reported again while ready
                }
            }
            if (!ready.isEmpty()) {
                sleepers.wakeUp();                      // what is left is another sleeper's
            }
            return n;
        }

        /** The wake callback: runs on the waker's thread. */
        private int wake(Item item, int key) {
            int events = item.events;
            if ((events & ~PollEvents.EPOLL_FLAGS) == 0 || (key != WaitQueue.NO_KEY && (key & events) == 0)) {
                return 0;
            }
            queue(item);
            int woken = sleepers.wakeUp();
            return (events & PollEvents.EPOLLEXCLUSIVE) == 0 || woken > 0 ? 1 : 0;
        }

        private boolean queue(Item item) {
            if (!item.onList.compareAndSet(false, true)) {
                return false;                           // already on the list: one entry per item
            }
            ready.addLast(item);
            return true;
        }

        private boolean invalid(int events) {
            return (events & ~(PollEvents.EVENTS | PollEvents.EPOLL_FLAGS)) != 0
                    || ((events & PollEvents.EPOLLEXCLUSIVE) != 0 && (events & PollEvents.EPOLLONESHOT) != 0);
        }
    }
}
