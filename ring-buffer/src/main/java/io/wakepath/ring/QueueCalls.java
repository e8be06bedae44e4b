package io.wakepath.ring;

import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The calls wakepath's checks make into a user's queue with {@link QueueRing.Element}s, from this library jar on
 * purpose: the race detector instruments the classes under test and the layers' jars, never the harness, and a JDK
 * queue's synchronization (its documented happens-before from {@code offer} to the {@code poll} that returns the
 * element) is recorded at the call site. Called from the harness, the element's fields would race on every JDK queue.
 */
public final class QueueCalls {
    /** What the taking calls return when they took nothing. */
    public static final long NONE = Long.MIN_VALUE + 1;

    private QueueCalls() {
    }

    public static boolean offer(Queue<Object> queue, long event) {
        return queue.offer(QueueRing.Element.of(event));
    }

    public static void put(BlockingQueue<Object> queue, long event) throws InterruptedException {
        queue.put(QueueRing.Element.of(event));
    }

    /** The event taken, {@link QueueRing#TORN}, or {@link #NONE}. */
    public static long poll(Queue<Object> queue) {
        return read(queue.poll());
    }

    public static long take(BlockingQueue<Object> queue) throws InterruptedException {
        return read(queue.take());
    }

    public static long poll(BlockingQueue<Object> queue, long timeout, TimeUnit unit) throws InterruptedException {
        return read(queue.poll(timeout, unit));
    }

    private static long read(Object taken) {
        return taken == null ? NONE : taken instanceof QueueRing.Element e ? e.read() : QueueRing.TORN;
    }
}
