package io.wakepath.poll;

import io.wakepath.core.Errno;
import io.wakepath.waitqueue.WaitQueue;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small device to test the poll layer alone: a buffer of events a producer pushes and a reader drains with a
 * nonblocking read, a "pending" status flag the producer raises before the data reaches the buffer (as an interrupt
 * status bit would), a writable flag, an error flag and hang-up. Every change is followed by a keyed wake on its
 * wait queue. Its {@code .poll} follows the {@link Pollable} contract, with IN computed by the poll strategy's
 * {@link Poll#inMask} rule.
 */
public final class TestPollable implements Pollable, ReadinessSource {
    private final Poll poll;
    private final WaitQueue queue;
    private final ArrayDeque<Long> buffer = new ArrayDeque<>();    // guarded by this
    // Readiness is read without the lock, with acquire, as a driver's .poll reads its ring: a lock there would add
    // the fence a correct poll_wait must provide, and hide a registration race.
    private final AtomicInteger buffered = new AtomicInteger();    // written under this
    private volatile boolean pending;
    private volatile boolean writable;
    private volatile boolean error;
    private volatile boolean hungUp;

    public TestPollable(Poll poll, WaitQueue queue) {
        this.poll = Objects.requireNonNull(poll, "poll");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    public WaitQueue queue() {
        return queue;
    }

    /** Producer: raises pending, puts the event in the buffer, lowers pending, wakes with IN. @return entries woken */
    public int push(long event) {
        pending = true;
        synchronized (this) {
            buffer.addLast(event);
            buffered.setRelease(buffer.size());
        }
        pending = false;
        return queue.wakeUpPoll(PollEvents.IN);
    }

    /**
     * Nonblocking read of up to {@code dst.length} events: the count, {@code -EAGAIN} when there is nothing, or 0
     * (end of file) once hung up and drained.
     */
    public int read(long[] dst) {
        int n = 0;
        synchronized (this) {
            while (n < dst.length && !buffer.isEmpty()) {
                dst[n++] = buffer.removeFirst();
            }
            buffered.setRelease(buffer.size());
        }
        if (n > 0) {
            return n;
        }
        return hungUp ? 0 : -Errno.EAGAIN;
    }

    public void setWritable(boolean writable) {
        this.writable = writable;
        if (writable) {
            queue.wakeUpPoll(PollEvents.OUT);
        }
    }

    public void setError() {
        error = true;
        queue.wakeUpPoll(PollEvents.POLLERR);
    }

    /**
     * The other end went away: readers drain what is left, then read end of file. The wake's key is HUP alone, as a
     * driver's {@code wake_up_poll(&wq, EPOLLHUP)}: a poll entry must watch HUP (and ERR) whatever events it asked for.
     */
    public void hangUp() {
        hungUp = true;
        queue.wakeUpPoll(PollEvents.POLLHUP);
    }

    /** A wake that changes nothing (a spurious one): pollers must poll again and find nothing new. */
    public void wakeWithoutEvent() {
        queue.wakeUpPoll(PollEvents.IN);
    }

    @Override
    public int poll(PollTable table) {
        table.wait(queue);
        int mask = poll.inMask(this);
        if (error) {
            mask |= PollEvents.POLLERR;
        }
        if (hungUp) {
            mask |= PollEvents.POLLHUP;                // HUP and OUT never together
        } else if (writable) {
            mask |= PollEvents.OUT;
        }
        return mask;
    }

    @Override
    public boolean readable() {
        return buffered.getAcquire() > 0;                // la: pairs with the setRelease in push and read
    }

    @Override
    public boolean pending() {
        return pending;
    }
}
