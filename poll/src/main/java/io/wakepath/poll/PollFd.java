package io.wakepath.poll;

import java.util.Objects;

/** One entry of a poll(2) call ({@code struct pollfd}): a pollable, the events asked for, the events returned. */
public final class PollFd {
    private final Pollable pollable;
    private final int events;
    int revents;

    public PollFd(Pollable pollable, int events) {
        this.pollable = Objects.requireNonNull(pollable, "pollable");
        if ((events & ~PollEvents.EVENTS) != 0) {
            throw new IllegalArgumentException("unknown poll events " + Integer.toHexString(events & ~PollEvents.EVENTS));
        }
        this.events = events;
    }

    public Pollable pollable() {
        return pollable;
    }

    public int events() {
        return events;
    }

    /** Sets what a poll(2) call returns for this entry: for a poll engine of your own ({@link Poll#poll}). */
    public void setRevents(int revents) {
        this.revents = revents;
    }

    /** What the last poll(2) returned for this entry: asked-for events that are ready, plus ERR and HUP. */
    public int revents() {
        return revents;
    }
}
