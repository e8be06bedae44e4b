package io.wakepath.ring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the contract tests cannot reach by chance, as for {@link SpscCompactRing}: wide and look-alike events through the
 * side array, sequentially and full; and two producers escaping at once (the side array made by whichever needs it
 * first), each producer's events coming out whole and in its order.
 */
class MpscCompactRingTest {
    private static final int CAPACITY = 8;
    private static final int EVENTS = 100_000;

    @Test
    void shouldCarryWideAndLookAlikeEventsThroughManyLaps() {
        TrickyEvents.assertCarriedThroughManyLaps(new MpscCompactRing(RingConfig.of(CAPACITY)),
                SpscCompactRingTest::tricky);
    }

    @Test
    void shouldHoldExactlyItsCapacityOfEscapedEvents() {
        Ring ring = new MpscCompactRing(RingConfig.of(CAPACITY));
        for (long t = 0; t < CAPACITY; t++) {
            assertTrue(ring.offer(Long.MIN_VALUE + t));
        }
        assertFalse(ring.offer(Long.MIN_VALUE), "full after its capacity");
        long[] dst = new long[2 * CAPACITY];
        assertEquals(CAPACITY, ring.newReader().read(dst, 0, dst.length), "a full ring reads as one lap, no more");
        for (int t = 0; t < CAPACITY; t++) {
            assertEquals(Long.MIN_VALUE + t, dst[t]);
        }
    }

    /** One producer offers wide events only, the other ints with the two look-alikes among them; both escape. */
    @Test
    void shouldHandOverTwoProducersEscapesWholeAndInTheirOrder() throws Exception {
        LongUnaryOperator wide = k -> (1L << 40) + k;
        LongUnaryOperator ints = k -> k % 10 == 0 ? SpscCompactRing.event(SpscCompactRing.FREE)
                : k % 10 == 5 ? SpscCompactRing.event(SpscCompactRing.ESCAPED) : k;
        Ring ring = new MpscCompactRing(RingConfig.of(CAPACITY));
        Thread[] producers = {producer(ring, wide, "wide"), producer(ring, ints, "ints")};
        AtomicReference<String> failure = new AtomicReference<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Thread p : producers) {
                p.start();
            }
            RingReader reader = ring.newReader();
            long[] dst = new long[3];
            long nextWide = 0;
            long nextInt = 0;
            while ((nextWide < EVENTS || nextInt < EVENTS) && failure.get() == null) {
                int n = reader.read(dst, 0, dst.length);
                for (int i = 0; i < n; i++) {
                    boolean isWide = dst[i] >= 1L << 40;
                    long expected = isWide ? wide.applyAsLong(nextWide++) : ints.applyAsLong(nextInt++);
                    if (dst[i] != expected) {
                        failure.compareAndSet(null, (isWide ? "wide" : "int") + " producer's event "
                                + (isWide ? nextWide - 1 : nextInt - 1) + ": expected " + expected + ", read " + dst[i]);
                    }
                }
            }
            for (Thread p : producers) {
                p.join();
            }
        });
        assertNull(failure.get());
        assertEquals(2L * EVENTS, ring.stats().consumed());
    }

    private static Thread producer(Ring ring, LongUnaryOperator events, String name) {
        return new Thread(() -> {
            for (long k = 0; k < EVENTS; k++) {
                while (!ring.offer(events.applyAsLong(k))) {
                    Thread.onSpinWait();
                }
            }
        }, name + "-producer");
    }
}
