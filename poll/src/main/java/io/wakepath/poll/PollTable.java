package io.wakepath.poll;

import io.wakepath.waitqueue.WaitQueue;

/**
 * The {@code poll_table} a {@code .poll} method receives: {@link #wait} is {@code poll_wait}, registering the caller
 * (a poll(2) call or an epoll item) on a wait queue that can change the pollable's readiness, followed by the
 * strategy's registration fence. A table that registers nothing ({@link #NONE}, the kernel's NULL table) is what
 * epoll passes when it re-polls an item at delivery.
 */
public abstract class PollTable {
    /** Registers nothing: a re-poll that only wants the current mask. */
    public static final PollTable NONE = new PollTable(0) {
        @Override
        public void wait(WaitQueue queue) {
        }
    };

    /** The events of interest; a poll(2) call changes it from one entry to the next ({@link #setKey}). */
    private int key;

    protected PollTable(int key) {
        this.key = key;
    }

    /**
     * {@code poll_wait}: registers on {@code queue}. After it returns, a wake on {@code queue} issued after the
     * pollable's state changed cannot be missed by a readiness check that follows (in a correct strategy).
     */
    public abstract void wait(WaitQueue queue);

    /** The events the caller is interested in ({@code poll_requested_events}), always with ERR and HUP. */
    public int key() {
        return key;
    }

    /**
     * Sets the events of interest before the next {@code .poll} call: a poll engine (yours too) walking a set of
     * descriptors with one table sets each one's events, as {@code do_pollfd} sets {@code pt->_key}.
     */
    public void setKey(int key) {
        this.key = key;
    }
}
