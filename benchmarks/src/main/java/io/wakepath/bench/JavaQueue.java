package io.wakepath.bench;

import org.agrona.concurrent.Pipe;
import org.jctools.queues.MessagePassingQueue;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;

import java.util.function.IntUnaryOperator;

/**
 * A {@code java.util.Queue} peer (JCTools, Agrona, ArrayBlockingQueue): offer and poll one preallocated Long; in the
 * batch shape, the peer's own drain of up to {@link #BATCH} into a consumer that keeps the last element.
 */
final class JavaQueue extends BenchQueue {
    private static final Long BOXED = EVENT;
    private final Queue<Long> queue;
    private final Drain drain;

    /**
     * The peer's batch call, bound once per consumer to the sink that receives the elements: JCTools' and Agrona's
     * {@code drain(consumer, limit)}, {@code drainTo(collection, max)}.
     */
    @FunctionalInterface
    interface Drain {
        IntUnaryOperator bind(java.util.function.Consumer<Long> sink);
    }

    private JavaQueue(Queue<Long> queue, Drain drain) {
        this.queue = queue;
        this.drain = drain;
    }

    static JavaQueue of(MessagePassingQueue<Long> queue) {
        return new JavaQueue((Queue<Long>) queue, sink -> {
            MessagePassingQueue.Consumer<Long> consumer = sink::accept;
            return limit -> queue.drain(consumer, limit);
        });
    }

    static JavaQueue of(Pipe<Long> queue) {
        return new JavaQueue((Queue<Long>) queue, sink -> limit -> queue.drain(sink, limit));
    }

    /** {@code drainTo} into a collection whose {@code add} only hands the element on: nothing is stored. */
    static JavaQueue of(BlockingQueue<Long> queue) {
        return new JavaQueue(queue, sink -> {
            Collection<Long> handOn = new AbstractCollection<>() {
                @Override
                public boolean add(Long e) {
                    sink.accept(e);
                    return true;
                }

                @Override
                public Iterator<Long> iterator() {
                    throw new UnsupportedOperationException("drainTo only adds");
                }

                @Override
                public int size() {
                    return 0;
                }
            };
            return limit -> queue.drainTo(handOn, limit);
        });
    }

    @Override
    public boolean offer() {
        return queue.offer(BOXED);
    }

    @Override
    public BenchQueue.Consumer newConsumer() {
        Long[] last = new Long[1];
        IntUnaryOperator batch = drain.bind(e -> last[0] = e);
        return new BenchQueue.Consumer() {
            @Override
            public boolean poll() {
                return queue.poll() != null;
            }

            @Override
            public int drain() {
                return batch.applyAsInt(BATCH);
            }
        };
    }
}
