package io.wakepath.stress;

import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildRunTest {

    @Test
    void shouldReadOneResultPerScenarioLine() {
        List<TestResult> results = ChildRun.parse("MODEL", List.of(
                "[WARN] noise from the agent",
                "MODEL wakeup OK",
                "MODEL exclusive FAILED a thread never returned; the interleaving that leads there: x.txt",
                "CHAIN not-mine FAILED",
                "MODEL other ERROR"));
        assertEquals(List.of("model:wakeup", "model:exclusive", "model:other"),
                results.stream().map(TestResult::test).toList());
        assertEquals(List.of(Status.OK, Status.FAILED, Status.ERROR),
                results.stream().map(TestResult::status).toList());
        assertTrue(results.get(1).forbiddenSamples() > 0, "a failed model check counts as a forbidden outcome");
        assertEquals("a thread never returned; the interleaving that leads there: x.txt", results.get(1).saw());
        assertEquals(null, results.get(0).saw());
    }

    @Test
    void shouldReadAnInconclusiveScenarioAsNoVerdict() {
        List<TestResult> results = ChildRun.parse("MODEL", List.of(
                "MODEL wakeup INCONCLUSIVE the model checker did not finish in 20 s"));
        assertEquals(Status.INCONCLUSIVE, results.get(0).status());
        assertEquals(0, results.get(0).forbiddenSamples());
    }
}
