package io.wakepath.ring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        TrickyEvents.assertCarriedThroughManyLaps(new SpscMarkedRing(RingConfig.of(CAPACITY)),
                SpscMarkedRingTest::tricky);
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
        TrickyEvents.assertHandedOverInOrderAcrossThreads(new SpscMarkedRing(RingConfig.of(CAPACITY)),
                SpscMarkedRingTest::tricky);
    }

    @Test
    void shouldRefuseACapacityItsDoubledSlotsCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SpscMarkedRing(RingConfig.of(RingConfig.MAX_CAPACITY)));
        assertTrue(e.getMessage().contains("a capacity above " + SpscMarkedRing.MAX_CAPACITY), e.getMessage());
        assertFalse(SpscMarkedRing.CAPABILITIES.supports(RingConfig.of(RingConfig.MAX_CAPACITY)));
    }
}
