package io.wakepath.poll;

/** What epoll_wait delivers ({@code struct epoll_event}): the ready events and the item's data. */
public final class EpollEvent {
    int events;
    long data;

    /** Fills this event: what an epoll engine of your own delivers ({@link Epoll#wait}). */
    public void set(int events, long data) {
        this.events = events;
        this.data = data;
    }

    public int events() {
        return events;
    }

    /** The data given when the item was added (an fd, a token...). */
    public long data() {
        return data;
    }

    @Override
    public String toString() {
        return "EpollEvent[" + PollEvents.describe(events) + ", data=" + data + "]";
    }
}
