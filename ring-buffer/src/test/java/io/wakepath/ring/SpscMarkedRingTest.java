package io.wakepath.ring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the contract tests cannot reach by chance: events equal to a slot's marker or escape code travel through the
 * side array and come out unchanged, in order, sequentially and across threads; a ring too large for its doubled
 * slot array is refused before anything is allocated.
 */
class SpscMarkedRingTest {
    private static final int CAPACITY = 8;

    /** The event offered as sequence {@code t}: in turn the marker, the escape code, their neighbours, a plain one. */
    private static long tricky(long t) {
        return switch ((int) (t % 5)) {
            case 0 -> SpscMarkedRing.EMPTY;
            case 1 -> SpscMarkedRing.ESCAPED;
            case 2 -> SpscMarkedRing.EMPTY - 1;
            case 3 -> SpscMarkedRing.ESCAPED + 1;
            default -> t;
        };
    }

    @Test
    void shouldCarryEventsThatLookLikeMarkersThroughManyLaps() {
        Ring ring = new SpscMarkedRing(RingConfig.of(CAPACITY));
        RingReader reader = ring.newReader();
        long[] dst = new long[CAPACITY];
        long t = 0;
        for (int lap = 0; lap < 50; lap++) {
            int batch = 1 + lap % CAPACITY;          // partial and full rings, so reads start at every slot
            for (int i = 0; i < batch; i++) {
                assertTrue(ring.offer(tricky(t + i)));
            }
            assertEquals(batch, reader.read(dst, 0, CAPACITY));
            for (int i = 0; i < batch; i++) {
                assertEquals(tricky(t + i), dst[i], "sequence " + (t + i));
            }
            t += batch;
            assertEquals(0, reader.read(dst, 0, CAPACITY), "an empty ring must read as empty, not as a marker");
            assertFalse(reader.isReady());
        }
    }

    @Test
    void shouldHoldExactlyItsCapacityOfEscapedEvents() {
        Ring ring = new SpscMarkedRing(RingConfig.of(CAPACITY));
        for (long t = 0; t < CAPACITY; t++) {
            assertTrue(ring.offer(t % 2 == 0 ? SpscMarkedRing.EMPTY : SpscMarkedRing.ESCAPED));
        }
        assertFalse(ring.offer(SpscMarkedRing.EMPTY), "full after its capacity");
        assertEquals(CAPACITY, ring.size());
        long[] dst = new long[CAPACITY];
        assertEquals(CAPACITY, ring.newReader().read(dst, 0, CAPACITY));
        for (int t = 0; t < CAPACITY; t++) {
            assertEquals(t % 2 == 0 ? SpscMarkedRing.EMPTY : SpscMarkedRing.ESCAPED, dst[t]);
        }
    }

    @Test
    void shouldHandOverTrickyEventsInOrderAcrossThreads() throws Exception {
        int events = 200_000;
        Ring ring = new SpscMarkedRing(RingConfig.of(CAPACITY));
        AtomicReference<String> failure = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            for (long t = 0; t < events; t++) {
                while (!ring.offer(tricky(t))) {
                    Thread.onSpinWait();
                }
            }
        }, "marked-producer");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            producer.start();
            RingReader reader = ring.newReader();
            long[] dst = new long[3];
            long next = 0;
            while (next < events && failure.get() == null) {
                int n = reader.read(dst, 0, dst.length);
                for (int i = 0; i < n; i++, next++) {
                    if (dst[i] != tricky(next)) {
                        failure.set("sequence " + next + ": expected " + tricky(next) + ", read " + dst[i]);
                    }
                }
            }
            producer.join();
        });
        assertNull(failure.get());
        assertEquals(events, ring.stats().consumed());
    }

    @Test
    void shouldRefuseACapacityItsDoubledSlotsCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpscMarkedRing(RingConfig.of(RingConfig.MAX_CAPACITY)));
        assertTrue(e.getMessage().contains("a capacity above " + SpscMarkedRing.MAX_CAPACITY), e.getMessage());
        assertFalse(SpscMarkedRing.CAPABILITIES.supports(RingConfig.of(RingConfig.MAX_CAPACITY)));
    }
}
