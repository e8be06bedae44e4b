package io.wakepath.blockingqueue;

import io.wakepath.core.Layer;
import io.wakepath.ring.Topology;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.QueueCapacity;
import io.wakepath.stress.harness.Target;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blocking-queue stress's oracles on queues with known answers: a correct one, one that never wakes, a lossy one. */
class BlockingQueueStressTest {

    private static BlockingQueueStress.Run run(Class<?> type, IntFunction<BlockingQueue<Object>> make, ChainCase c) {
        BlockingQueueStrategy strategy = new BlockingQueueStrategy(Target.info(type, Layer.BLOCKING_QUEUE),
                Topology.MPMC, new QueueCapacity(2, true), make);
        BlockingQueueStress.Run run = new BlockingQueueStress.Run(strategy, c, 300);
        run.go();
        return run;
    }

    @Test
    void shouldFindNothingInTheJdksQueue() {
        for (ChainCase c : new ChainCase[] {new ChainCase("4-take", "--readers", "4"),
                new ChainCase("4-take-interrupted", "--readers", "4", "--interrupts"),
                new ChainCase("4-take-put-full", "--readers", "4", "--put"),
                new ChainCase("4-poll-timed", "--readers", "4", "--read", "poll-timed")}) {
            BlockingQueueStress.Run r = run(ArrayBlockingQueue.class, ArrayBlockingQueue::new, c);
            assertEquals(0, r.failures.size(), c.name() + ": " + r.report());
            assertTrue(r.taken.get() > 0, r.report());
        }
    }

    @Test
    void shouldReportALostWakeupWhenTakersSleepOnAnElement() {
        BlockingQueueStress.Run r = run(NeverWakes.class, NeverWakes::new, new ChainCase("1-take"));
        assertTrue(r.failures.get(0).startsWith("lost wakeup: 1 element readable for"), r.report());
    }

    @Test
    void shouldReportElementsLostByTheQueue() {
        BlockingQueueStress.Run r = run(DropsOne.class, DropsOne::new, new ChainCase("1-take"));
        assertTrue(r.failures.stream().anyMatch(f -> f.startsWith("lost element: 1 accepted but neither taken nor "
                + "left in the queue")), r.report());
    }

    /** take() parks until an element is there, and offer() never unparks it. */
    public static final class NeverWakes extends LinkedBlockingQueue<Object> {
        public NeverWakes(int capacity) {
            super(capacity);
        }

        @Override
        public Object take() throws InterruptedException {
            Object e;
            while ((e = poll()) == null) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return e;
        }

        @Override
        public Object poll(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }

    /** The tenth take() drops the element it took and takes the next. */
    public static final class DropsOne extends LinkedBlockingQueue<Object> {
        private int takes;

        public DropsOne(int capacity) {
            super(capacity);
        }

        @Override
        public Object take() throws InterruptedException {
            Object e = super.take();
            return ++takes == 10 ? super.take() : e;
        }
    }
}
