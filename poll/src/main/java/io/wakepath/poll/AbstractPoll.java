package io.wakepath.poll;

import io.wakepath.core.Errno;
import io.wakepath.waitqueue.WaitEntry;
import io.wakepath.waitqueue.WaitQueue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * poll(2), the registration of poll tables and the IN rule, written once ({@code fs/select.c},
 * {@code include/linux/poll.h}); epoll in {@link EpollInstance}. A strategy supplies the epoll ready list.
 */
abstract class AbstractPoll implements Poll {

    /** The ready list of a new epoll instance. */
    abstract ReadyList newReadyList();

    /**
     * After a poll table registered on a wait queue, before the pollable reads its state: a full fence, as
     * {@code sock_poll_wait} puts {@code smp_mb()} after {@code poll_wait}. A waker updates the state and then
     * checks for sleepers ({@code wq_has_sleeper}, a full fence too); with both fences at least one side sees the
     * other. Pairs with the fence in {@code WaitQueue.hasSleeper}.
     */
    void registered() {
        VarHandle.fullFence();
    }

    @Override
    public int inMask(ReadinessSource source) {
        return source.readable() ? PollEvents.IN : 0;
    }

    @Override
    public final Epoll epollCreate() {
        return new EpollInstance(this, newReadyList());
    }

    @Override
    public final int poll(PollFd[] fds, long timeoutNanos) {
        Objects.requireNonNull(fds, "fds");
        requireTimeout(timeoutNanos);
        boolean timed = timeoutNanos >= 0;
        long deadline = timed ? System.nanoTime() + timeoutNanos : 0;
        PollWaitTable table = new PollWaitTable();
        try {
            for (;;) {
                int count = 0;
                for (PollFd fd : fds) {
                    table.setKey(fd.events() | PollEvents.ALWAYS);
                    fd.revents = fd.pollable().poll(table) & table.key();
                    if (fd.revents != 0) {
                        count++;
                        table.registering = false;     // something is ready: no more registering
                    }
                }
                table.registering = false;             // register in the first pass only
                if (count > 0) {
                    return count;
                }
                if (timed && deadline - System.nanoTime() <= 0) {
                    return 0;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return -Errno.EINTR;
                }
                table.sleep(timed, deadline);
            }
        } finally {
            table.freeWait();
        }
    }

    static void requireTimeout(long timeoutNanos) {
        if (timeoutNanos < -1) {
            throw new IllegalArgumentException("timeout must be -1 (none) or 0 or more nanoseconds, got "
                    + timeoutNanos);
        }
    }

    /**
     * A poll(2) call's table ({@code struct poll_wqueues}): each registration adds an entry whose wake function
     * ({@code pollwake}) sets {@code triggered} and unparks the polling thread; the poller sleeps only while nothing
     * has triggered, and clears the flag before polling again.
     */
    private final class PollWaitTable extends PollTable {
        private static final VarHandle TRIGGERED;

        static {
            try {
                TRIGGERED = MethodHandles.lookup().findVarHandle(PollWaitTable.class, "triggered", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Thread poller = Thread.currentThread();
        private final List<WaitQueue> queues = new ArrayList<>();
        private final List<WaitEntry> entries = new ArrayList<>();
        private volatile boolean triggered;
        boolean registering = true;

        PollWaitTable() {
            super(0);
        }

        @Override
        public void wait(WaitQueue queue) {
            if (!registering) {
                return;                                // the kernel's _qproc == NULL
            }
            int entryKey = key();
            entries.add(queue.add((entry, wakeKey) -> pollwake(entryKey, wakeKey), false, false));
            queues.add(queue);
            registered();
        }

        private int pollwake(int entryKey, int wakeKey) {
            if (wakeKey != WaitQueue.NO_KEY && (wakeKey & entryKey) == 0) {
                return 0;                              // a wake for events this poll did not ask for
            }
            triggered = true;                          // sv: seen by the check in sleep, even before it parks
            LockSupport.unpark(poller);
            return 1;
        }

        /** {@code poll_schedule_timeout}: sleeps unless triggered; then clears the flag with a full fence. */
        void sleep(boolean timed, long deadline) {
            while (!triggered) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
            }
            TRIGGERED.setVolatile(this, false);        // smp_store_mb: cleared before the state is polled again
        }

        /** {@code poll_freewait}: every registration leaves its queue. */
        void freeWait() {
            for (int i = 0; i < queues.size(); i++) {
                queues.get(i).remove(entries.get(i));
            }
        }
    }
}
