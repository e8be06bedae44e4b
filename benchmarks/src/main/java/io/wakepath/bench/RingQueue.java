package io.wakepath.bench;

import io.wakepath.ring.Ring;
import io.wakepath.ring.RingReader;

import java.util.function.LongConsumer;

/**
 * One of our rings as a benchmark contender: offer one long; take one event with {@code read(handler, 1)}, which
 * hands it over as the peers' {@code poll()} returns theirs (the handler uses nothing of it, as the peers' callers
 * only test for {@code null}), or copy up to {@link #BATCH} with {@code read(dst, 0, 64)}, as the peers' drains
 * keep each element.
 */
final class RingQueue extends BenchQueue {
    /** What the single shape does with an event: nothing, as the peers' {@code poll() != null}. */
    private static final LongConsumer TAKEN = event -> { };

    private final Ring ring;

    RingQueue(Ring ring) {
        this.ring = ring;
    }

    @Override
    public boolean offer() {
        return ring.offer(EVENT);
    }

    @Override
    public Consumer newConsumer() {
        RingReader reader = ring.newReader();
        long[] dst = new long[BATCH];
        return new Consumer() {
            @Override
            public boolean poll() {
                return reader.read(TAKEN, 1) == 1;
            }

            @Override
            public int drain() {
                return Math.max(0, reader.read(dst, 0, BATCH));   // DROP_NEWEST: no loss report (negative) here
            }
        };
    }
}
