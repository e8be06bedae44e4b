package io.wakepath.irq.ledger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConservationTest {

    @Test
    void everySampleIsReadDroppedOrQueued() {
        // 100 raised: 3 overran the FIFO, 2 still in it; 95 popped, all offered; the ring refused 5, evicted 0,
        // handed out 88, holds 2; readers read 88.
        Conservation c = new Conservation(100, 3, 2, 95, 95, 0, 5, 0, 90, 88, 2, 88);
        assertTrue(c.holds(), c.toString());
        assertEquals(8, c.dropped());
        assertEquals(4, c.queued());
    }

    @Test
    void aSampleThatVanishesIsBlamedOnItsStage() {
        // the driver popped 95 but offered 90 and accounted none: 5 vanished in the driver
        Conservation c = new Conservation(100, 3, 2, 95, 90, 0, 0, 0, 90, 90, 0, 90);
        assertFalse(c.holds());
        assertEquals(5, c.unaccounted());
        Conservation.Stage driver = c.stages().stream().filter(s -> s.name().equals("driver")).findFirst().orElseThrow();
        assertEquals(5, driver.unaccounted());
        assertTrue(c.stages().stream().filter(s -> !s.name().equals("driver")).allMatch(s -> s.unaccounted() == 0));
    }

    @Test
    void theLedgerCatchesDuplicatesAndValuesNeverRaised() {
        Ledger ledger = new Ledger(true);
        for (long s = 0; s < 10; s++) {
            long now = System.nanoTime();
            ledger.raising(s, now, now);
        }
        ReaderLedger reader = ledger.reader("r");
        reader.read(new long[] {0, 1, 2, 2, 99}, 5, System.nanoTime());
        Ledger.Totals t = ledger.totals();
        assertEquals(5, t.eventsRead());
        assertEquals(1, t.duplicates());
        assertEquals(1, t.bogus());
        assertEquals(3, ledger.hop(Hop.END_TO_END).getTotalCount());
    }

    @Test
    void theProducerTraceCountsWakesBeforeTheUpdateAndUpdatesAfterTheLastWake() {
        Ledger ledger = new Ledger(true);
        Ledger.Producer p = ledger.producer(true);
        p.invocationStarted();                 // correct: publish, then wake
        p.published(0, true, 1);
        p.woke(1);
        p.invocationEnded();
        p.invocationStarted();                 // broken: wake, then publish
        p.woke(1);
        p.published(1, true, 2);
        p.invocationEnded();
        Ledger.Totals t = ledger.totals();
        assertEquals(1, t.wakesBeforeUpdate());
        assertEquals(1, t.updatesAfterLastWake());
        assertEquals(2, t.wakes());
    }
}
