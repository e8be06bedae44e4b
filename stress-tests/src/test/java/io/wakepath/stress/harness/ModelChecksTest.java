package io.wakepath.stress.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelChecksTest {

    @Test
    void shouldTakeOnlyAShownInterleavingAsAModelCheckersVerdict() throws Exception {
        java.nio.file.Path trace = java.nio.file.Files.createTempFile("model", ".txt");
        assertTrue(ModelChecks.judge(new AssertionError("= Concurrent test has hung =\n\nThe following interleaving "
                + "leads to the error: ..."), trace).startsWith("FAILED a thread never returned"));
        assertTrue(ModelChecks.judge(new AssertionError("= Concurrent test has hung =\n"), trace)
                .startsWith("INCONCLUSIVE the model checker could not show an interleaving"));
        assertTrue(ModelChecks.judge(new IllegalStateException("agent failed"), trace).startsWith("INCONCLUSIVE"));
    }
}
