package io.wakepath.blockingqueue;

import io.wakepath.ring.QueueRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.BlockingQueue;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * InterruptedException loses nothing: a take() interrupted around the offer of the one element either returns the
 * element or throws, and then the element is still in the queue for the next call. The arbiter counts what is left.
 *
 *   taker                              other
 *   r1 = take() (1), or -1 if it threw  offer(e); interrupt taker      (OfferThenInterrupt)
 *                                       interrupt taker; offer(e)      (InterruptThenOffer)
 *   arbiter: r2 = elements left
 *
 * Interrupts are sent, and the taker's status cleared, under one lock, so no interrupt outlives the taker's call.
 */
public class BlockingQueueInterruptStress {

    abstract static class Interrupted {
        final BlockingQueue<Object> queue = BlockingQueueUnderTest.create();
        final Object interruptLock = new Object();
        Thread taker;                                      // guarded by interruptLock

        int take() {
            synchronized (interruptLock) {
                taker = Thread.currentThread();
            }
            int result;
            try {
                result = queue.take() != null ? 1 : 0;
            } catch (InterruptedException e) {
                result = -1;
            }
            synchronized (interruptLock) {
                taker = null;
                Thread.interrupted();                      // what was sent is consumed here, not by jcstress
            }
            return result;
        }

        void interruptTaker() {
            synchronized (interruptLock) {
                if (taker != null) {
                    taker.interrupt();
                }
            }
        }

        void offer() {
            queue.offer(QueueRing.Element.of(1));
        }

        int left() {
            int left = 0;
            while (left < 3 && queue.poll() != null) {
                left++;
            }
            return left;
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The take returned the element.")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE, desc = "The take threw InterruptedException; the element is still in the queue.")
    @Outcome(id = "-1, 0", expect = FORBIDDEN, desc = "The take threw and the element is gone: the interrupt lost it.")
    @Outcome(expect = FORBIDDEN, desc = "An element duplicated or invented.")
    @State
    public static class OfferThenInterrupt extends Interrupted {
        @Actor
        public void taker(II_Result r) {
            r.r1 = take();
        }

        @Actor
        public void other() {
            offer();
            interruptTaker();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r2 = left();
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0", expect = ACCEPTABLE, desc = "The take returned the element (the interrupt came before it began, or it returned first).")
    @Outcome(id = "-1, 1", expect = ACCEPTABLE, desc = "The take threw InterruptedException; the element is still in the queue.")
    @Outcome(id = "-1, 0", expect = FORBIDDEN, desc = "The take threw and the element is gone: the interrupt lost it.")
    @Outcome(expect = FORBIDDEN, desc = "An element duplicated or invented.")
    @State
    public static class InterruptThenOffer extends Interrupted {
        @Actor
        public void taker(II_Result r) {
            r.r1 = take();
        }

        @Actor
        public void other() {
            interruptTaker();
            offer();
            interruptTaker();
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r2 = left();
        }
    }
}
