package io.wakepath.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StallClockTest {
    private static final long MS = 1_000_000;

    @Test
    void shouldCountTheTimeBetweenSamplesWhereTheConditionHeld() {
        StallClock clock = new StallClock(0);
        assertEquals(0, clock.holds(1 * MS));
        assertEquals(1 * MS, clock.holds(2 * MS));
        assertEquals(3 * MS, clock.holds(4 * MS));
    }

    @Test
    void shouldLeaveAGapUncountedWithoutEndingTheStall() {
        StallClock clock = new StallClock(0);
        clock.holds(1 * MS);
        clock.holds(2 * MS);
        assertEquals(1 * MS, clock.holds(2 * MS + StallClock.MAX_SAMPLE_GAP_NANOS + 1), "the gap is not counted");
        assertEquals(2 * MS, clock.holds(3 * MS + StallClock.MAX_SAMPLE_GAP_NANOS + 1), "the stall goes on");
    }

    @Test
    void shouldStartOverWhenTheConditionBreaksOrIsReset() {
        StallClock clock = new StallClock(0);
        clock.holds(1 * MS);
        clock.holds(3 * MS);
        clock.breaks(4 * MS);
        assertEquals(0, clock.holds(5 * MS));
        assertEquals(1 * MS, clock.holds(6 * MS));
        clock.reset();
        assertEquals(0, clock.holds(7 * MS), "progress ends a stall");
    }
}
