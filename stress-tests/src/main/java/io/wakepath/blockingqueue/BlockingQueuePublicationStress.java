package io.wakepath.blockingqueue;

import io.wakepath.ring.QueueRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

import java.util.concurrent.BlockingQueue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * The memory-consistency effect BlockingQueue documents: actions in a thread before it places an object into the
 * queue happen-before actions after that object is taken out in another thread. The element's two plain fields are
 * written before offer(); a poll that returns the element must see both (QueueRing.Element, TORN otherwise).
 *
 *   producer                          consumer
 *   e.event = 42; e.complement = ~42;  e = queue.poll();
 *   queue.offer(e);                    if (e != null) read e.event, e.complement
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The poll came first: nothing yet.")
@Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "The poll took the element and saw what was written before its offer.")
@Outcome(id = "1, -9223372036854775808", expect = FORBIDDEN, desc = "The element without its contents: offer does not happen-before the poll.")
@Outcome(expect = FORBIDDEN, desc = "Any other result is a broken queue.")
@State
public class BlockingQueuePublicationStress {
    static final long EVENT = 42;
    final BlockingQueue<Object> queue = BlockingQueueUnderTest.create();

    @Actor
    public void producer() {
        queue.offer(QueueRing.Element.of(EVENT));
    }

    @Actor
    public void consumer(JJ_Result r) {
        Object e = queue.poll();
        r.r1 = e == null ? 0 : 1;
        r.r2 = e == null ? 0 : ((QueueRing.Element) e).read();
    }
}
