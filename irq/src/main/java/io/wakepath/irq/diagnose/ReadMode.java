package io.wakepath.irq.diagnose;

import io.wakepath.core.Identified;

/** How the scenario's readers wait for data. */
public enum ReadMode implements Identified {
    /** read(2) that sleeps on the driver's wait queue. */
    BLOCKING,
    /** poll(2) on the file, then nonblocking reads until EAGAIN. */
    POLL,
    /** An epoll instance per reader, level-triggered: one nonblocking read per event. */
    EPOLL_LT,
    /** An epoll instance per reader, EPOLLET: nonblocking reads until EAGAIN per event. */
    EPOLL_ET;

    public boolean polls() {
        return this != BLOCKING;
    }

    /** @throws io.wakepath.core.UsageException naming the known ids */
    public static ReadMode byId(String id) {
        return Identified.byId(ReadMode.class, id, "read mode");
    }
}
