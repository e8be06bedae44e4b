package com.example.wakepath.mutants;

import com.example.wakepath.ReadyDequePoll;

/**
 * An item watches exactly the events it was added with. Added for IN, it filters out a hang-up whose wake carries
 * HUP alone (wake_up_poll(&amp;wq, EPOLLHUP)) and masks HUP out of what it delivers: a reader waiting for data on a
 * file whose other end went away sleeps for ever. epoll(7): "EPOLLERR and EPOLLHUP are always reported, it is not
 * necessary to set them in events".
 */
public class AskedEventsOnlyPoll extends ReadyDequePoll {
    @Override
    protected int watched(int events) {
        return events;
    }
}
