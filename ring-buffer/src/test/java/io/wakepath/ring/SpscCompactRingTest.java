package io.wakepath.ring;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the contract tests cannot reach by chance: events wider than an int, and the two ints whose codes would read as
 * a free slot or as the escape code, travel through the side array and come out unchanged, in order, sequentially and
 * across threads; int-sized events round-trip through their codes.
 */
class SpscCompactRingTest {
    private static final int CAPACITY = 8;
    /** The ints whose codes are the free and the escape code: they must not travel in a slot. */
    private static final long LOOKS_FREE = SpscCompactRing.event(SpscCompactRing.FREE);
    private static final long LOOKS_ESCAPED = SpscCompactRing.event(SpscCompactRing.ESCAPED);

    /** The event offered as sequence {@code t}: in turn wide ones, the look-alikes, int edges, a plain one. */
    static long tricky(long t) {
        return switch ((int) (t % 9)) {
            case 0 -> LOOKS_FREE;
            case 1 -> LOOKS_ESCAPED;
            case 2 -> Long.MIN_VALUE;
            case 3 -> Long.MAX_VALUE;
            case 4 -> Integer.MAX_VALUE + 1L;
            case 5 -> Integer.MIN_VALUE;
            case 6 -> -1;
            case 7 -> 0;
            default -> t;
        };
    }

    @Test
    void shouldCodeIntSizedEventsInTheSlotAndEscapeTheRest() {
        LongStream.of(0, 1, -1, 42, Integer.MAX_VALUE, Integer.MIN_VALUE, LOOKS_FREE + 1, LOOKS_ESCAPED - 1)
                .forEach(e -> {
                    int code = SpscCompactRing.code(e);
                    assertNotEquals(SpscCompactRing.FREE, code, "event " + e);
                    assertNotEquals(SpscCompactRing.ESCAPED, code, "event " + e);
                    assertEquals(e, SpscCompactRing.event(code), "event " + e);
                });
        LongStream.of(LOOKS_FREE, LOOKS_ESCAPED, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, Long.MAX_VALUE,
                Long.MIN_VALUE, 1L << 32).forEach(e ->
                assertEquals(SpscCompactRing.ESCAPED, SpscCompactRing.code(e), "event " + e));
    }

    @Test
    void shouldCarryWideAndLookAlikeEventsThroughManyLaps() {
        TrickyEvents.assertCarriedThroughManyLaps(new SpscCompactRing(RingConfig.of(CAPACITY)),
                SpscCompactRingTest::tricky);
    }

    @Test
    void shouldHoldExactlyItsCapacityOfEscapedEvents() {
        Ring ring = new SpscCompactRing(RingConfig.of(CAPACITY));
        for (long t = 0; t < CAPACITY; t++) {
            assertTrue(ring.offer(Long.MAX_VALUE - t));
        }
        assertFalse(ring.offer(Long.MAX_VALUE), "full after its capacity");
        assertEquals(CAPACITY, ring.size());
        long[] dst = new long[2 * CAPACITY];
        assertEquals(CAPACITY, ring.newReader().read(dst, 0, dst.length), "a full ring reads as one lap, no more");
        for (int t = 0; t < CAPACITY; t++) {
            assertEquals(Long.MAX_VALUE - t, dst[t]);
        }
    }

    @Test
    void shouldHandOverTrickyEventsInOrderAcrossThreads() throws Exception {
        TrickyEvents.assertHandedOverInOrderAcrossThreads(new SpscCompactRing(RingConfig.of(CAPACITY)),
                SpscCompactRingTest::tricky);
    }
}
