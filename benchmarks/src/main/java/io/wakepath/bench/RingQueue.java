package io.wakepath.bench;

import io.wakepath.ring.Ring;
import io.wakepath.ring.RingReader;

/** One of our rings as a benchmark contender: offer one long, read one long. */
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
        long[] one = new long[1];
        return () -> reader.read(one, 0, 1) == 1;
    }
}
