package io.wakepath.waitqueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The kernel's wait-queue list ({@code struct list_head} in {@code wait_queue_head}): intrusive, doubly linked,
 * non-exclusive entries added at the head and exclusive ones at the tail. Not thread-safe: every method but
 * {@link #nonEmpty} is called with the owning queue's lock held. Part of the supported base of a user's wait queue
 * ({@link AbstractWaitQueue}).
 */
public final class EntryList {
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(EntryList.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private WaitEntry head;
    private WaitEntry tail;
    private int size;                  // sop under the lock; lop by nonEmpty without it

    /** Queues {@code entry}: non-exclusive at the head, exclusive at the tail. */
    public void add(WaitEntry entry) {
        if (entry.exclusive) {
            entry.prev = tail;
            if (tail == null) {
                head = entry;
            } else {
                tail.next = entry;
            }
            tail = entry;
        } else {
            entry.next = head;
            if (head == null) {
                tail = entry;
            } else {
                head.prev = entry;
            }
            head = entry;
        }
        entry.queued = true;
        SIZE.setOpaque(this, size + 1);
    }

    /** Dequeues {@code entry}; nothing when it is not queued. */
    public void remove(WaitEntry entry) {
        if (!entry.queued) {
            return;
        }
        if (entry.prev == null) {
            head = entry.next;
        } else {
            entry.prev.next = entry.next;
        }
        if (entry.next == null) {
            tail = entry.prev;
        } else {
            entry.next.prev = entry.prev;
        }
        entry.prev = null;
        entry.next = null;
        entry.queued = false;
        SIZE.setOpaque(this, size - 1);
    }

    /** {@code waitqueue_active}: lockless, no ordering of its own (hasSleeper puts the fence before it). */
    public boolean nonEmpty() {
        return (int) SIZE.getOpaque(this) != 0;
    }

    /**
     * {@code __wake_up_common}: from the head, every entry's wake function; woken auto-remove entries leave the list;
     * stops after {@code nrExclusive} woken exclusive entries (0: never) or when a callback returns a negative value.
     */
    public int wake(int nrExclusive, int key, AbstractWaitQueue queue) {
        int woken = 0;
        int remaining = nrExclusive;
        WaitEntry entry = head;
        while (entry != null) {
            WaitEntry next = entry.next;          // the wake function may remove this entry
            int result = queue.wakeEntry(entry, key);
            if (result < 0) {
                break;
            }
            if (result > 0) {
                woken++;
                if (entry.autoRemove) {
                    remove(entry);
                }
                if (entry.exclusive && --remaining == 0) {
                    break;
                }
            }
            entry = next;
        }
        return woken;
    }
}
