package io.wakepath.bench;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * The LMAX Disruptor as a queue: the producer claims a slot with {@code tryNext} (never waits; a full ring throws
 * its preallocated {@link InsufficientCapacityException}), writes the long into the preallocated event and
 * publishes. Single consumer: Disruptor 4 has no work-pool, so it runs in the SPSC and MPSC benchmarks only. The
 * wait strategy is {@link BusySpinWaitStrategy}: nobody waits on it (the consumer polls), and its signal on publish
 * is free, where the default {@code BlockingWaitStrategy} would take a lock on every publish for no one.
 *
 * <p>The consumer does what the Disruptor's own {@code EventPoller} and {@code BatchEventProcessor} do -- a gating
 * {@link Sequence}, the slots' availability flags -- but looks for published events only when the last look's are
 * all taken, and keeps the answer, as {@code BatchEventProcessor} does. An {@code EventPoller} asked for one event per
 * poll rescans from its position to the cursor on every poll (with many producers, every slot's availability flag):
 * O(lag) per event, which measured 0.1 M events/s with 213 M failed offers/s. With many producers it never reads the
 * cursor either: that is the line the producers' CAS claims on, and a consumer polling an empty ring would take it
 * from them on every poll (reading it measured 4.9 M events/s with one producer). The single-event shape frees each
 * slot as it takes it ({@code Sequence.set}, a release store, as the other contenders free theirs); the batch shape
 * takes up to {@link #BATCH} and moves the sequence once, as the batch processor does at the end of a batch.
 */
final class DisruptorQueue extends BenchQueue {
    static final class LongEvent {
        long value;
    }

    private final RingBuffer<LongEvent> ring;
    private final boolean singleProducer;

    private DisruptorQueue(RingBuffer<LongEvent> ring, boolean singleProducer) {
        this.ring = ring;
        this.singleProducer = singleProducer;
    }

    static DisruptorQueue singleProducer(int capacity) {
        return new DisruptorQueue(RingBuffer.createSingleProducer(LongEvent::new, capacity, new BusySpinWaitStrategy()),
                true);
    }

    static DisruptorQueue multiProducer(int capacity) {
        return new DisruptorQueue(RingBuffer.createMultiProducer(LongEvent::new, capacity, new BusySpinWaitStrategy()),
                false);
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
        Sequence sequence = new Sequence();
        ring.addGatingSequences(sequence);
        return new Batches(ring, sequence, singleProducer);
    }

    /** The consumer: a gating sequence, and the highest published sequence found by the last scan. */
    private static final class Batches implements Consumer {
        private final RingBuffer<LongEvent> ring;
        private final Sequence sequence;
        private final boolean singleProducer;
        private final long[] sink = new long[1];
        private long next;
        private long available;

        /** {@code sequence} is gating already: adding it set it to the cursor of that moment. */
        Batches(RingBuffer<LongEvent> ring, Sequence sequence, boolean singleProducer) {
            this.ring = ring;
            this.sequence = sequence;
            this.singleProducer = singleProducer;
            this.next = sequence.get() + 1;
            this.available = next - 1;
        }

        /**
         * Events published and not taken, looking for more only when the last look's are all taken: the next slot's
         * availability flag first, then the flags that follow up to the first not yet published (with one producer,
         * no further than its cursor; with many, never reading the cursor their CAS claims on).
         */
        private long published() {
            if (next > available) {
                if (!ring.isAvailable(next)) {
                    return 0;
                }
                // One producer publishes in order: nothing past its cursor. Many: the flags tell, up to a lap ahead.
                long bound = singleProducer ? ring.getCursor() : next + ring.getBufferSize() - 1;
                long highest = next;
                while (highest < bound && ring.isAvailable(highest + 1)) {
                    highest++;
                }
                available = highest;
            }
            return available - next + 1;
        }

        @Override
        public boolean poll() {
            if (published() == 0) {
                return false;
            }
            sink[0] = ring.get(next).value;
            sequence.set(next++);              // frees the slot for the producers
            return true;
        }

        @Override
        public int drain() {
            int n = (int) Math.min(published(), BATCH);
            for (int i = 0; i < n; i++) {
                sink[0] = ring.get(next + i).value;
            }
            if (n > 0) {
                next += n;
                sequence.set(next - 1);        // once per batch, as BatchEventProcessor does
            }
            return n;
        }
    }
}
