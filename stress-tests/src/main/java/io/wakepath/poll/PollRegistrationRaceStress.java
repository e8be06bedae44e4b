package io.wakepath.poll;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * Registration against an event, a store-buffering litmus. The poller registers an epoll item on the device's queue
 * (poll_wait, then the readiness check); the device pushes data and wakes whoever is registered:
 *
 *   device                                  poller
 *   data = 1;  smp_mb; r1 = woke anyone?     register; (smp_mb); readiness check -> ready list
 *                                           r2 = anything ready?
 *
 * "0, 0" means the wake found no registration and the registration's check missed the data: the item is never made
 * ready and an epoll_wait would sleep with data readable. The registration stays in place (a real poller stays
 * registered while it sleeps).
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Each side saw the other.")
@Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The wake reached the registration (the item becomes ready); the check ran first.")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "The registration's check saw the data; the wake came before the registration.")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "Both missed: no wake, no readiness: the poller sleeps with data readable.")
@State
public class PollRegistrationRaceStress {
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final Epoll epoll = poll.epollCreate();
    final EpollEvent[] events = {new EpollEvent()};

    @Actor
    public void device(II_Result r) {
        r.r1 = device.push(1) > 0 ? 1 : 0;
    }

    @Actor
    public void poller(II_Result r) {
        epoll.add(device, PollEvents.POLLIN, 0);
        r.r2 = epoll.wait(events, 1, 0) > 0 ? 1 : 0;
    }
}
