package io.wakepath.irq.diagnose;

import io.wakepath.core.UsageException;

import java.util.Arrays;

/** How the scenario's readers wait for data. */
public enum ReadMode {
    /** read(2) that sleeps on the driver's wait queue. */
    BLOCKING("blocking"),
    /** poll(2) on the file, then nonblocking reads until EAGAIN. */
    POLL("poll"),
    /** An epoll instance per reader, level-triggered: one nonblocking read per event. */
    EPOLL_LT("epoll-lt"),
    /** An epoll instance per reader, EPOLLET: nonblocking reads until EAGAIN per event. */
    EPOLL_ET("epoll-et");

    private final String id;

    ReadMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean polls() {
        return this != BLOCKING;
    }

    public static ReadMode byId(String id) {
        for (ReadMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new UsageException("unknown read mode '" + id + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(ReadMode::id).toList()) + ")");
    }
}
