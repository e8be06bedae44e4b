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
 * An edge-triggered item is re-armed by every new wake, even one that lands while a reader is taking the previous
 * edge off the ready list. The item's last edge was delivered and drained; now the device pushes again while the
 * reader waits once (without blocking) and drains; the arbiter waits once more.
 *
 *   r1 = the reader got a delivery, r2 = the arbiter got one, r3 = data still readable at the end
 *
 * "0, 0, 1" is data sitting readable with no edge pending: an edge reader would sleep on it for ever.
 */
@JCStressTest
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "The reader got the new edge and drained.")
@Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "The reader came first; the new edge is pending for the next wait.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "Readable, but the edge was lost: the item is not re-armed.")
@Outcome(expect = FORBIDDEN, desc = "Anything else is a broken ready list.")
@State
public class EpollEdgeRearmStress {
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final Epoll epoll = poll.epollCreate();
    final EpollEvent[] events = {new EpollEvent()};
    final long[] buf = new long[4];

    public EpollEdgeRearmStress() {
        epoll.add(device, PollEvents.POLLIN | PollEvents.EPOLLET, 0);
        device.push(0);
        if (epoll.wait(events, 1, 0) != 1 || device.read(buf) != 1) {
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
        if (r.r1 > 0) {
            while (device.read(buf) > 0) {
                // drain until EAGAIN
            }
        }
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = epoll.wait(events, 1, 0);
        r.r3 = device.readable() ? 1 : 0;
    }
}
