package io.wakepath.stress;

import io.wakepath.core.Strategy;
import io.wakepath.ring.RingStrategies;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {
    private static final Strategy CORRECT = RingStrategies.REGISTRY.byId("spsc-release-acquire");
    private static final Strategy BROKEN = RingStrategies.REGISTRY.byId("broken-plain-publish");

    private static TestResult result(Status status) {
        return new TestResult("t", status, 100, status == Status.FAILED ? Map.of("1, -1", 1L) : Map.of(), null);
    }

    private static Verdict verdict(Strategy s, Status... statuses) {
        return new Verdict(s, java.util.Arrays.stream(statuses).map(VerdictTest::result).toList(), null);
    }

    @Test
    void shouldWantCorrectStrategiesCleanAndBrokenOnesCaught() {
        assertTrue(verdict(CORRECT, Status.OK, Status.OK).asExpected());
        assertEquals("clean", verdict(CORRECT, Status.OK).summary());
        assertTrue(verdict(BROKEN, Status.OK, Status.FAILED).asExpected());
        assertEquals("caught", verdict(BROKEN, Status.FAILED).summary());
    }

    @Test
    void shouldFlagARaceInACorrectStrategyAndABrokenOneThatSlipsThrough() {
        assertFalse(verdict(CORRECT, Status.OK, Status.FAILED).asExpected());
        assertFalse(verdict(BROKEN, Status.OK, Status.OK).asExpected());
        assertEquals("RACE", verdict(CORRECT, Status.FAILED).cell(result(Status.FAILED)));
        assertEquals("CAUGHT", verdict(BROKEN, Status.FAILED).cell(result(Status.FAILED)));
    }

    @Test
    void shouldNeverAcceptErrorsHangsMissingTestsOrNoTests() {
        assertFalse(verdict(BROKEN, Status.FAILED, Status.ERROR).asExpected());
        assertFalse(verdict(CORRECT, Status.NOT_RUN).asExpected());
        assertFalse(new Verdict(CORRECT, List.of(), null).asExpected());
    }

    @Test
    void shouldJudgeByTheOtherCheckersWhenOneIsInconclusive() {
        Verdict clean = verdict(CORRECT, Status.OK, Status.INCONCLUSIVE);
        assertTrue(clean.asExpected());
        assertTrue(clean.summary().startsWith("clean (1 inconclusive"), clean.summary());
        assertEquals("INCONC", clean.cell(result(Status.INCONCLUSIVE)));
        assertTrue(verdict(BROKEN, Status.FAILED, Status.INCONCLUSIVE).asExpected());
        assertFalse(verdict(BROKEN, Status.OK, Status.INCONCLUSIVE).asExpected());
        assertFalse(verdict(CORRECT, Status.OK, Status.HUNG).asExpected());
    }

    @Test
    void shouldNotCallAClassCleanThatNoCheckerCouldDecide() {
        Verdict none = verdict(CORRECT, Status.INCONCLUSIVE, Status.INCONCLUSIVE);
        assertFalse(none.asExpected());
        assertEquals("INCONCLUSIVE: no checker could decide", none.summary());
    }

    @Test
    void shouldNameTestsWithoutTheirPackage() {
        assertEquals("RingSizeStress", VerdictTable.shortName("io.wakepath.ring.RingSizeStress"));
        assertEquals("RingPublicationStress.Frames",
                VerdictTable.shortName("io.wakepath.ring.RingPublicationStress.Frames"));
    }
}
