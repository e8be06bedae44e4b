package io.wakepath.poll;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * EPOLLONESHOT: after one delivery the item is disarmed -- no wait reports it, whatever wakes arrive -- until
 * EPOLL_CTL_MOD re-arms it, and then it is reported at once if ready. The item is ready when the reader waits; the
 * device pushes again (a new wake) at the same time; then the arbiter waits, re-arms with modify, and waits again.
 *
 *   r1 = the reader's delivery, r2 = the arbiter's before the re-arm, r3 = after it
 *
 * A second delivery before the re-arm hands one event to two threads (the reason ONESHOT exists: one handler per
 * event); none after the re-arm leaves ready data unreported.
 */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "Delivered once, disarmed through the new wake, reported again once re-armed.")
@Outcome(id = "1, 1, .*", expect = FORBIDDEN, desc = "Delivered again before the re-arm: the item was not disarmed.")
@Outcome(id = "1, 0, 0", expect = FORBIDDEN, desc = "Re-armed while ready, but not reported.")
@Outcome(expect = FORBIDDEN, desc = "A ready item not delivered to the first wait.")
@State
public class EpollOneShotStress {
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final Epoll epoll = poll.epollCreate();
    final EpollEvent[] events = {new EpollEvent()};

    public EpollOneShotStress() {
        epoll.add(device, PollEvents.POLLIN | PollEvents.EPOLLONESHOT, 0);
        device.push(1);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = epoll.wait(events, 1, 0);
    }

    @Actor
    public void device() {
        device.push(2);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = epoll.wait(events, 1, 0);
        epoll.modify(device, PollEvents.POLLIN | PollEvents.EPOLLONESHOT, 0);
        r.r3 = epoll.wait(events, 1, 0);
    }
}
