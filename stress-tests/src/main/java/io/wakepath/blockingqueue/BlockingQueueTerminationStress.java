package io.wakepath.blockingqueue;

import io.wakepath.ring.QueueRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * A taker blocked in the queue always returns after an offer, whenever the two meet: before the taker's first look,
 * while it parks, or after. STALE is the lost wakeup itself: the taker sleeps on with an element in the queue. The
 * timed poll is given a day, so only a wake can end it within the test.
 */
public class BlockingQueueTerminationStress {

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The offer ended the take.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "The taker sleeps on with an element in the queue: a lost wakeup.")
    @State
    public static class Take {
        final BlockingQueue<Object> queue = BlockingQueueUnderTest.create();

        @Actor
        public void taker() throws InterruptedException {
            queue.take();
        }

        @Signal
        public void producer() {
            queue.offer(QueueRing.Element.of(1));
        }
    }

    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The offer ended the timed poll.")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "The poller sleeps on to its deadline with an element in the queue: a late wake.")
    @State
    public static class TimedPoll {
        final BlockingQueue<Object> queue = BlockingQueueUnderTest.create();

        @Actor
        public void poller() throws InterruptedException {
            queue.poll(1, TimeUnit.DAYS);
        }

        @Signal
        public void producer() {
            queue.offer(QueueRing.Element.of(1));
        }
    }
}
