package io.wakepath.poll;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * ERR and HUP are always watched: an item added for IN alone is still woken and reported by a hang-up whose wake
 * carries the key HUP only (wake_up_poll(&wq, EPOLLHUP)); eventpoll.c adds EPOLLERR | EPOLLHUP to every item's
 * events, and ep_poll_callback filters a keyed wake against them. Nothing is readable; the device hangs up while a
 * reader waits once; the arbiter waits again (the item is level-triggered: a hung-up file stays reported).
 *
 *   r1 = the reader's delivery had HUP, r2 = the arbiter's had HUP
 */
@JCStressTest
@Outcome(id = "[01], 1", expect = ACCEPTABLE, desc = "The hang-up was reported.")
@Outcome(id = "[01], 0", expect = FORBIDDEN, desc = "The hang-up never reported: the item's wake filtered HUP out (it watched only what it was asked), and a reader sleeps on a closed file.")
@Outcome(expect = FORBIDDEN, desc = "Anything else.")
@State
public class EpollHangUpStress {
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final Epoll epoll = poll.epollCreate();
    final EpollEvent[] events = {new EpollEvent()};
    final EpollEvent[] arbiterEvents = {new EpollEvent()};

    public EpollHangUpStress() {
        epoll.add(device, PollEvents.POLLIN, 0);
    }

    @Actor
    public void device() {
        device.hangUp();
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = hup(epoll.wait(events, 1, 0), events);
    }

    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = hup(epoll.wait(arbiterEvents, 1, 0), arbiterEvents);
    }

    private static int hup(int delivered, EpollEvent[] events) {
        return delivered == 1 && (events[0].events() & PollEvents.POLLHUP) != 0 ? 1 : 0;
    }
}
