package io.wakepath.junit;

import io.wakepath.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckOutcomeTest {
    @TempDir
    Path out;

    private static Map<String, Object> test(String name, String status, String saw, long samples, long forbidden) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("test", name);
        t.put("status", status);
        t.put("samples", samples);
        t.put("forbiddenSamples", forbidden);
        t.put("forbiddenOutcomes", Map.of());
        t.put("saw", saw);
        return t;
    }

    /** A verdicts.json with the fields check writes for one class (VerdictTable.toJson). */
    private void write(String verdict, boolean asExpected, List<Map<String, Object>> tests) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "com.example.MyRing");
        row.put("layer", "ring");
        row.put("correct", true);
        row.put("verdict", verdict);
        row.put("asExpected", asExpected);
        row.put("reports", out.resolve("ring/com.example.MyRing").toString());
        row.put("tests", tests);
        Files.writeString(out.resolve("verdicts.json"), Json.write(Map.of("strategies", List.of(row))));
    }

    @Test
    void shouldReadACleanVerdict() throws IOException {
        write("clean", true, List.of(test("io.wakepath.stress.ring.PublishStress", "OK", null, 1000, 0)));
        CheckOutcome o = CheckOutcome.read(out, List.of());
        assertTrue(o.clean());
        assertFalse(o.inconclusive());
        assertEquals("", o.results().get(0).message());
        assertEquals(out.resolve("ring/com.example.MyRing"), o.reports());
    }

    @Test
    void shouldSayWhatFailedWhereToLookAndHowToRunItAgain() throws IOException {
        write("RACE FOUND in your class", false, List.of(
                test("io.wakepath.stress.ring.PublishStress", "FAILED", "[1, 0]: the event read before its data", 5000, 3),
                test("jmm:races", "FAILED", "2 data races", 0, 0),
                test("model:linearizability", "INCONCLUSIVE", "the model checker could not explore the class", 0, 0),
                test("chain:1-reader", "OK", null, 0, 0)));
        CheckOutcome o = CheckOutcome.read(out, List.of("  RACE com.example.MyRing ...",
                "    reproduce: ./wakepath check --target ring=com.example.MyRing --classpath /p/classes"));
        assertFalse(o.clean());
        assertFalse(o.inconclusive(), "two results decided");
        String m = o.failureMessage();
        assertTrue(m.startsWith("wakepath check of com.example.MyRing: RACE FOUND in your class"), m);
        assertTrue(m.contains("PublishStress: RACE: [1, 0]: the event read before its data (5000 samples, 3 forbidden)"), m);
        assertTrue(m.contains("model:linearizability: INCONCLUSIVE: the model checker could not explore the class"), m);
        assertFalse(m.contains("chain:1-reader"), "a pass is not listed: " + m);
        assertTrue(m.contains("reproduce: ./wakepath check --target ring=com.example.MyRing --classpath /p/classes"), m);
        assertTrue(m.contains("reports: " + out.resolve("ring/com.example.MyRing")), m);
    }

    @Test
    void shouldTellAVerdictNoCheckerDecidedFromACleanOne() throws IOException {
        write("INCONCLUSIVE: no checker could decide", false,
                List.of(test("model:linearizability", "INCONCLUSIVE", "could not explore", 0, 0)));
        CheckOutcome o = CheckOutcome.read(out, List.of());
        assertTrue(o.inconclusive());
        assertFalse(o.clean());
    }

    @Test
    void shouldNameAHangAndAnError() {
        assertEquals("HUNG: free_irq did not complete within 2000 ms",
                new CheckOutcome.Result("chain:1-reader", "HUNG", "free_irq did not complete within 2000 ms", 0, 0).message());
        assertEquals("ERROR", new CheckOutcome.Result("jmm:races", "ERROR", "", 0, 0).message());
    }

    @Test
    void shouldRefuseAFileOfManyVerdicts() throws IOException {
        Files.writeString(out.resolve("verdicts.json"), Json.write(Map.of("strategies", List.of(Map.of(), Map.of()))));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckOutcome.read(out, List.of()));
        assertTrue(e.getMessage().contains("holds 2 verdicts, not one"), e.getMessage());
    }
}
