package io.wakepath.irq;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpuriousDetectorTest {

    @Test
    void aWindowWithMoreThan99900UnhandledMeansNobodyCared() {
        SpuriousDetector d = new SpuriousDetector();
        boolean disable = false;
        for (int i = 0; i < SpuriousDetector.WINDOW; i++) {
            disable = d.note(i < 99, i);              // 99 handled, 99,901 unhandled
        }
        assertTrue(disable);
    }

    @Test
    void aHundredHandledInTheWindowKeepTheLine() {
        SpuriousDetector d = new SpuriousDetector();
        boolean disable = false;
        for (int i = 0; i < SpuriousDetector.WINDOW; i++) {
            disable |= d.note(i < 100, i);            // exactly 99,900 unhandled: not more than
        }
        assertFalse(disable);
    }

    @Test
    void anUnhandledInterruptAfterAQuietGapRestartsTheCount() {
        SpuriousDetector d = new SpuriousDetector();
        long now = 0;
        boolean disable = false;
        for (int i = 0; i < SpuriousDetector.WINDOW; i++) {
            now += i == SpuriousDetector.WINDOW / 2 ? SpuriousDetector.UNHANDLED_GAP_NANOS + 1 : 1;
            disable |= d.note(false, now);
        }
        assertFalse(disable, "the count restarted half way: about 50,000 in the window");
    }
}
