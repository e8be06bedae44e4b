package io.wakepath.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuredTest {

    private static Measured rounds(String id, Double... transfers) {
        Measured m = new Measured(id);
        for (Double t : transfers) {
            m.add(t == null ? null : new Measured.Round(t, 0, 0, 1.0, List.of(t)));
        }
        return m;
    }

    @Test
    void shouldTakeRatiosRoundByRoundNotOfTheMedians() {
        // Drift: both halve in round 2. Per round the ratio is 2 every time; the medians alone would say 2 too,
        // but the spread of per-round ratios is what shows the drift cancelled.
        Measured ours = rounds("spsc-stamped", 200.0, 100.0, 210.0);
        Measured peer = rounds("jctools-spsc-array-queue", 100.0, 50.0, 105.0);
        Measured.Spread r = ours.ratioTo(peer).orElseThrow();
        assertEquals(2.0, r.median(), 1e-9);
        assertEquals(2.0, r.min(), 1e-9);
        assertEquals(2.0, r.max(), 1e-9);
        assertFalse(r.withinNoise());
    }

    @Test
    void shouldCallARatioWhoseRoundsStraddleOneWithinNoise() {
        Measured a = rounds("spsc-stamped", 90.0, 110.0, 105.0);
        Measured b = rounds("jctools-spsc-array-queue", 100.0, 100.0, 100.0);
        Measured.Spread r = a.ratioTo(b).orElseThrow();
        assertEquals(1.05, r.median(), 1e-9);
        assertTrue(r.withinNoise(), r.toString());
    }

    @Test
    void shouldSummariseEventsPerTakeOverTheRoundsThatTookSomething() {
        Measured m = new Measured("spsc-marked");
        m.add(new Measured.Round(200.0, 0, 0, 9.5, List.of(200.0)));
        m.add(new Measured.Round(300.0, 0, 0, 64.0, List.of(300.0)));
        m.add(null);                                                            // a failed fork
        m.add(new Measured.Round(0.0, 0, 0, Double.NaN, List.of(0.0)));        // took nothing at all
        Measured.Spread perTake = m.perTake().orElseThrow();
        assertEquals(2, perTake.rounds());
        assertEquals(9.5, perTake.min(), 1e-9);
        assertEquals(64.0, perTake.max(), 1e-9);
    }

    @Test
    void shouldSkipRoundsWhereEitherSideFailed() {
        Measured a = rounds("spsc-stamped", 100.0, null, 300.0);
        Measured b = rounds("jctools-spsc-array-queue", 100.0, 100.0, null);
        Measured.Spread r = a.ratioTo(b).orElseThrow();
        assertEquals(1, r.rounds());
        assertEquals(1.0, r.median(), 1e-9);
        assertEquals(150.0, rounds("x", 100.0, null, 200.0).medianTransfers(), 1e-9);
    }
}
