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
 * An edge that arrives while its item is being delivered is not lost. The item is on the ready list with nothing
 * readable (its edge's data was read by someone else: another reader of the file), so the reader's epoll_wait takes
 * it off the list, polls it again and finds nothing; meanwhile the device pushes new data and wakes. Either the
 * re-poll sees the new data, or the wake finds the item off the list and queues it again: never neither.
 *
 *   device                         reader                                arbiter
 *   push(1);  (wake -> callback)   r1 = epoll_wait(0);  (take, re-poll)  r2 = epoll_wait(0); r3 = readable
 *
 * "0, 0, 1": readable, no delivery, no edge pending: an edge-triggered reader sleeps on the data. A callback that
 * finds the item still marked "on the list" while the deliverer has taken it off and not yet polled it (or polls it
 * before unmarking it) loses the edge this way.
 */
@JCStressTest
@Outcome(id = "1, 0, 1", expect = ACCEPTABLE, desc = "The re-poll saw the new data and delivered it (the wake came before the item was taken).")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "Delivered, and the wake during delivery queued the item again.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "The re-poll found nothing; the new edge is pending for the next wait.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "Readable, but nothing delivered and no edge pending: the wake during delivery was lost.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is a broken ready list.")
@State
public class EpollStaleEdgeStress {
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final Epoll epoll = poll.epollCreate();
    final EpollEvent[] events = {new EpollEvent()};

    public EpollStaleEdgeStress() {
        epoll.add(device, PollEvents.POLLIN | PollEvents.EPOLLET, 0);
        device.push(0);                                  // an edge: the item goes on the ready list
        if (device.read(new long[4]) != 1) {             // and its data is read without a delivery
            throw new IllegalStateException(poll + " failed the single-threaded set-up");
        }
    }

    @Actor
    public void device() {
        device.push(1);
    }

    @Actor
    public void reader(III_Result r) {
        r.r1 = epoll.wait(events, 1, 0);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = epoll.wait(events, 1, 0);
        r.r3 = device.readable() ? 1 : 0;
    }
}
