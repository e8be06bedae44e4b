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
 * {@link Sequence}, the highest published sequence found by scanning slot availability from its position up to the
 * cursor -- but scans once per batch and keeps the answer, as {@code BatchEventProcessor} does. An
 * {@code EventPoller} asked for one event per poll rescans from its position to the cursor on every poll (with many
 * producers, every slot's availability flag): O(lag) per event, which measured 0.1 M events/s with 213 M failed
 * offers/s. The single-event shape then frees each slot as it takes it ({@code Sequence.set}, a release store, as
 * the other contenders free theirs); the batch shape takes up to {@link #BATCH} and moves the sequence once, as the
 * batch processor does at the end of a batch.
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
        Sequence sequence = new Sequence();
        ring.addGatingSequences(sequence);
        return new Batches(ring, sequence);
    }

    /** The consumer: a gating sequence, and the highest published sequence found by the last scan. */
    private static final class Batches implements Consumer {
        private final RingBuffer<LongEvent> ring;
        private final Sequence sequence;
        private final long[] sink = new long[1];
        private long next;
        private long available;

        /** {@code sequence} is gating already: adding it set it to the cursor of that moment. */
        Batches(RingBuffer<LongEvent> ring, Sequence sequence) {
            this.ring = ring;
            this.sequence = sequence;
            this.next = sequence.get() + 1;
            this.available = next - 1;
        }

        /** Events published and not taken, scanning for more only when the last scan's are all taken. */
        private long published() {
            if (next > available) {
                if (!ring.isAvailable(next)) {
                    return 0;   // the slot's own flag says nothing is there: no read of the producers' cursor
                }
                long cursor = ring.getCursor();
                long highest = next - 1;
                while (highest < cursor && ring.isAvailable(highest + 1)) {
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
