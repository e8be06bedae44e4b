package io.wakepath.ring;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-over checks for rings that keep some events out of their slots (a marker or code look-alike, a wide value):
 * {@code tricky(t)} is the event offered as sequence {@code t}; what comes out must be it, in order.
 */
final class TrickyEvents {
    private TrickyEvents() {
    }

    /** One thread: partial and full rings over many laps, so reads start at every slot; empty reads as empty. */
    static void assertCarriedThroughManyLaps(Ring ring, LongUnaryOperator tricky) {
        int capacity = ring.config().capacity();
        RingReader reader = ring.newReader();
        long[] dst = new long[capacity];
        long t = 0;
        for (int lap = 0; lap < 50; lap++) {
            int batch = 1 + lap % capacity;
            for (int i = 0; i < batch; i++) {
                assertTrue(ring.offer(tricky.applyAsLong(t + i)));
            }
            assertEquals(batch, reader.read(dst, 0, capacity));
            for (int i = 0; i < batch; i++) {
                assertEquals(tricky.applyAsLong(t + i), dst[i], "sequence " + (t + i));
            }
            t += batch;
            assertEquals(0, reader.read(dst, 0, capacity), "an empty ring must read as empty, not as a marker");
            assertFalse(reader.isReady());
        }
    }

    /** A producer thread and this one as consumer, reads of 3 at a time, on a small ring: many laps under race. */
    static void assertHandedOverInOrderAcrossThreads(Ring ring, LongUnaryOperator tricky) throws Exception {
        int events = 200_000;
        AtomicReference<String> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            for (long t = 0; t < events; t++) {
                while (!ring.offer(tricky.applyAsLong(t))) {
                    Thread.onSpinWait();
                }
            }
        }, "tricky-producer");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            producer.start();
            RingReader reader = ring.newReader();
            long[] dst = new long[3];
            long next = 0;
            while (next < events && failure.get() == null) {
                int n = reader.read(dst, 0, dst.length);
                for (int i = 0; i < n; i++, next++) {
                    if (dst[i] != tricky.applyAsLong(next)) {
                        failure.set("sequence " + next + ": expected " + tricky.applyAsLong(next) + ", read " + dst[i]);
                    }
                }
            }
            producer.join();
        });
        assertNull(failure.get());
        assertEquals(events, ring.stats().consumed());
    }
}
