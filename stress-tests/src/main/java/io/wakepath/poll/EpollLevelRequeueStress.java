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
 * A level-triggered item is delivered by every wait that finds it ready, with no new wake: delivery puts it back on
 * the ready list while it is ready (ep_send_events re-adds it). The device holds two events; one reader waits and
 * reads one of them, a second waiter waits and reads nothing, and the arbiter waits once more with one event still
 * readable.
 *
 *   r1 = the reader's delivery, r2 = the second waiter's, r3 = the arbiter's
 *
 * "*, *, 0" is an item that stopped being reported while readable: a level-triggered reader that read part of the
 * data and waited again would sleep on the rest (the item behaves as if edge-triggered).
 */
@JCStressTest
@Outcome(id = "[01], [01], 1", expect = ACCEPTABLE, desc = "Still readable, still reported.")
@Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "Readable, but no longer reported: the level-triggered item was not re-queued after delivery.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is a broken ready list.")
@State
public class EpollLevelRequeueStress {
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final Epoll epoll = poll.epollCreate();
    final EpollEvent[] readerEvents = {new EpollEvent()};
    final EpollEvent[] waiterEvents = {new EpollEvent()};

    public EpollLevelRequeueStress() {
        epoll.add(device, PollEvents.POLLIN, 0);
        device.push(1);
        device.push(2);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = epoll.wait(readerEvents, 1, 0);
        if (r.r1 > 0) {
            device.read(new long[1]);               // one of the two: the other stays readable
        }
    }

    @Actor
    public void waiter(III_Result r) {
        r.r2 = epoll.wait(waiterEvents, 1, 0);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        if (r.r1 == 0) {
            device.read(new long[1]);               // the reader came too early: take its one event here
        }
        r.r3 = epoll.wait(readerEvents, 1, 0);
    }
}
