package io.wakepath.stress;

import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JcstressRunTest {
    /** The shape of a jcstress 0.16 -v console: progress lines first, then RUN RESULTS. */
    private static final List<String> CONSOLE = """
            ...... [FAILED] t.Caught
              RESULT  SAMPLES  FREQ  EXPECT  DESCRIPTION
               1, -1       9  0.01%  Forbidden  early progress line, not counted twice
            RUN RESULTS:
              Failed tests: 1 matching test results.
            ...... [FAILED] t.Caught
              Results across all configurations:
                   RESULT     SAMPLES     FREQ      EXPECT  DESCRIPTION
                     0, 0  16,140,341   33.20%  Acceptable  The read ran before the tail moved
                    1, -1      32,328    0.07%   Forbidden  Saw the new tail, but the old value
                    1, 42  32,449,165   66.74%  Acceptable  The read saw the new tail
              Error tests: 1 matching test results.
            ....... [ERROR] t.Broken
              All remaining tests: 1 matching test results.
            .......... [OK] t.Clean
                     1, 0       13    0.01%  Acceptable  Both samples within [0, capacity].
            """.lines().toList();

    @Test
    void shouldReadStatusSamplesAndForbiddenOutcomesAfterRunResults() {
        List<TestResult> results = JcstressRun.parse(CONSOLE, List.of("t.Caught", "t.Broken", "t.Clean"), false);
        assertEquals(Status.FAILED, results.get(0).status());
        assertEquals(16_140_341L + 32_328 + 32_449_165, results.get(0).samples());
        assertEquals(Map.of("1, -1", 32_328L), results.get(0).forbidden());
        assertEquals("outcome (1, -1): Saw the new tail, but the old value", results.get(0).saw(),
                "a failure is told in the words of the forbidden outcome's description");
        assertEquals(Status.ERROR, results.get(1).status());
        assertEquals(Status.OK, results.get(2).status());
        assertEquals(0, results.get(2).forbiddenSamples());
    }

    @Test
    void shouldNeverPassATestThatDidNotRun() {
        List<TestResult> results = JcstressRun.parse(CONSOLE, List.of("t.Missing"), false);
        assertEquals(Status.NOT_RUN, results.get(0).status());
        assertEquals(Status.HUNG, JcstressRun.parse(List.of("no results"), List.of("t.Clean"), true).get(0).status());
    }
}
