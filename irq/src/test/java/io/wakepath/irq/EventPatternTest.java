package io.wakepath.irq;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventPatternTest {

    @Test
    void aSeededScheduleReplays() {
        EventPattern.Schedule a = EventPattern.poisson(1000).schedule(42);
        EventPattern.Schedule b = EventPattern.poisson(1000).schedule(42);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.next(), b.next());
        }
    }

    @Test
    void eachPatternKeepsItsMeanRate() {
        for (EventPattern p : new EventPattern[] {EventPattern.periodic(10_000), EventPattern.poisson(10_000),
                EventPattern.bursts(10_000, 20)}) {
            EventPattern.Schedule s = p.schedule(7);
            long last = 0;
            for (int i = 0; i < 100_000; i++) {
                long t = s.next();
                assertTrue(t >= last, "arrival times never go back");
                last = t;
            }
            double seconds = last / 1e9;                // 100,000 samples at 10,000/s: about 10 s
            assertTrue(seconds > 9 && seconds < 11, p + ": " + seconds + " s");
        }
    }

    @Test
    void burstSamplesShareTheirArrivalTime() {
        EventPattern.Schedule s = EventPattern.bursts(1000, 4).schedule(1);
        long first = s.next();
        assertEquals(first, s.next());
        assertEquals(first, s.next());
        assertEquals(first, s.next());
        assertTrue(s.next() > first);
    }

    @Test
    void badPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventPattern.poisson(0));
        assertThrows(IllegalArgumentException.class, () -> new EventPattern(EventPattern.Kind.PERIODIC, 10, 3));
    }
}
