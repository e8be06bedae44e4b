package io.wakepath.poll;

import java.util.ArrayList;
import java.util.List;

/** The poll and epoll event bits, with Linux's values ({@code include/uapi/asm-generic/poll.h}, {@code eventpoll.h}). */
public final class PollEvents {
    public static final int POLLIN = 0x0001;
    public static final int POLLPRI = 0x0002;
    public static final int POLLOUT = 0x0004;
    public static final int POLLERR = 0x0008;
    public static final int POLLHUP = 0x0010;
    public static final int POLLRDNORM = 0x0040;
    public static final int POLLWRNORM = 0x0100;

    /** Readable: what a {@code .poll} method reports when a read would return data. */
    public static final int IN = POLLIN | POLLRDNORM;
    /** Writable. */
    public static final int OUT = POLLOUT | POLLWRNORM;
    /** Always reported, whether asked for or not. */
    public static final int ALWAYS = POLLERR | POLLHUP;

    public static final int EPOLLEXCLUSIVE = 1 << 28;
    public static final int EPOLLWAKEUP = 1 << 29;
    public static final int EPOLLONESHOT = 1 << 30;
    public static final int EPOLLET = 1 << 31;
    /** The epoll flags that are not events ({@code EP_PRIVATE_BITS}). */
    public static final int EPOLL_FLAGS = EPOLLEXCLUSIVE | EPOLLWAKEUP | EPOLLONESHOT | EPOLLET;
    /** Every event bit this model knows. */
    public static final int EVENTS = POLLIN | POLLPRI | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;

    private PollEvents() {
    }

    /** e.g. {@code IN|RDNORM|HUP}, or {@code 0}. */
    public static String describe(int mask) {
        String[] names = {"IN", "PRI", "OUT", "ERR", "HUP", "NVAL", "RDNORM", "RDBAND", "WRNORM"};
        List<String> set = new ArrayList<>();
        for (int bit = 0; bit < names.length; bit++) {
            if ((mask & (1 << bit)) != 0) {
                set.add(names[bit]);
            }
        }
        if ((mask & EPOLLEXCLUSIVE) != 0) {
            set.add("EXCLUSIVE");
        }
        if ((mask & EPOLLONESHOT) != 0) {
            set.add("ONESHOT");
        }
        if ((mask & EPOLLET) != 0) {
            set.add("ET");
        }
        return set.isEmpty() ? "0" : String.join("|", set);
    }
}
