package io.wakepath.bench;

import java.util.Queue;

/** A {@code java.util.Queue} peer (JCTools, Agrona, ArrayBlockingQueue): offer and poll one preallocated Long. */
final class JavaQueue extends BenchQueue {
    private static final Long BOXED = EVENT;
    private final Queue<Long> queue;

    JavaQueue(Queue<Long> queue) {
        this.queue = queue;
    }

    @Override
    public boolean offer() {
        return queue.offer(BOXED);
    }

    @Override
    public Consumer newConsumer() {
        return () -> queue.poll() != null;
    }
}
