package io.wakepath.bench;

import io.wakepath.ring.Ring;
import io.wakepath.ring.RingReader;

/** One of our rings as a benchmark contender: offer one long; read one long, or up to {@link #BATCH}. */
final class RingQueue extends BenchQueue {
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
                return reader.read(dst, 0, 1) == 1;
            }

            @Override
            public int drain() {
                return Math.max(0, reader.read(dst, 0, BATCH));   // DROP_NEWEST: no loss report (negative) here
            }
        };
    }
}
