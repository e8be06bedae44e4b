package io.wakepath.bench;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The LMAX Disruptor as a queue: the producer claims a slot with {@code tryNext} (never waits; a full ring throws
 * its preallocated {@link InsufficientCapacityException}), writes the long into the preallocated event and
 * publishes; the consumer is an {@link EventPoller} gating the producer, taking one event per poll. Single consumer:
 * Disruptor 4 has no work-pool, so it runs in the SPSC and MPSC benchmarks only. The wait strategy is
 * {@link BusySpinWaitStrategy}: nobody waits on it (the poller polls), and its signal on publish is free, where the
 * default {@code BlockingWaitStrategy} would take a lock on every publish for no one.
 *
 * <p>One event per poll, as for every contender. The multi-producer poller rescans slot availability from its
 * position up to the cursor on every poll (the Disruptor is built to consume that whole batch at once), so with a
 * producer far ahead each single-event poll costs O(lag): its MPSC number measures that mismatch, not the
 * Disruptor's batch throughput.
 */
final class DisruptorQueue extends BenchQueue {
    static final class LongEvent {
        long value;
    }

    private final RingBuffer<LongEvent> ring;

    private DisruptorQueue(RingBuffer<LongEvent> ring) {
        this.ring = ring;
    }

    static DisruptorQueue singleProducer(int capacity) {
        return new DisruptorQueue(RingBuffer.createSingleProducer(LongEvent::new, capacity, new BusySpinWaitStrategy()));
    }

    static DisruptorQueue multiProducer(int capacity) {
        return new DisruptorQueue(RingBuffer.createMultiProducer(LongEvent::new, capacity, new BusySpinWaitStrategy()));
    }

    @Override
    public boolean offer() {
        long sequence;
        try {
            sequence = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            return false;
        }
        ring.get(sequence).value = EVENT;
        ring.publish(sequence);
        return true;
    }

    @Override
    public Consumer newConsumer() {
        EventPoller<LongEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        long[] sink = new long[1];
        EventPoller.Handler<LongEvent> takeOne = (event, sequence, endOfBatch) -> {
            sink[0] = event.value;
            return false;                        // one event per poll, like the other contenders
        };
        return () -> {
            try {
                return poller.poll(takeOne) == EventPoller.PollState.PROCESSING;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
