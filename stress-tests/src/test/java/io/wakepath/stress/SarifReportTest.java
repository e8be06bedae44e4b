package io.wakepath.stress;

import io.wakepath.core.Json;
import io.wakepath.core.Strategy;
import io.wakepath.jmm.Finding;
import io.wakepath.ring.RingStrategies;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;
import io.wakepath.stress.layers.JmmCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {
    private static final Strategy CORRECT = RingStrategies.REGISTRY.byId("spsc-release-acquire");
    private static final Strategy BROKEN = RingStrategies.REGISTRY.byId("broken-plain-publish");
    private static final List<TestResult> RESULTS = List.of(new TestResult("jmm:races", Status.FAILED, 0, Map.of(),
            "JMM races FAILED"));

    private static Path findings(Path dir, Finding... findings) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JmmCheck.FINDINGS), Json.write(List.of(findings).stream()
                .map(JmmCheck::json).toList()));
        return dir;
    }

    private static final Finding RACE = new Finding("data-race", "plain write at SpscRing.java:40 races with ...", 3,
            List.of(new Finding.Place("io/wakepath/ring/SpscRing.java", 52, "later plain read of tail in consumer"),
                    new Finding.Place("io/wakepath/ring/SpscRing.java", 40,
                            "earlier plain write of tail in producer")));
    /** The same two lines on another element of the array: the same place to mend. */
    private static final Finding SAME_LINES = new Finding("data-race", "plain write at SpscRing.java:40 races with ... "
            + "element 3", 2, RACE.places());
    private static final Finding NO_LINES = new Finding("lost-wakeup", "lost wakeup by store buffering: ...", 1,
            List.of(new Finding.Place("com/example/Queue", 0, "sleeper's check of ready"),
                    new Finding.Place("com/example/Queue", 0, "sleeper's store to waiter")));

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(List<Verdict> verdicts) {
        Map<String, Object> sarif = (Map<String, Object>) Json.parse(SarifReport.of(verdicts));
        assertEquals("2.1.0", sarif.get("version"));
        Map<String, Object> run = ((List<Map<String, Object>>) sarif.get("runs")).get(0);
        Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
        List<Object> ruleIds = ((List<Map<String, Object>>) driver.get("rules")).stream().map(r -> r.get("id"))
                .toList();
        assertEquals(List.of("data-race", "lost-wakeup"), ruleIds);
        return (List<Map<String, Object>>) run.get("results");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPlaceEachFindingAtItsLineWithThePairedLinesRelated(@TempDir Path tmp) throws Exception {
        Path correct = findings(tmp.resolve("a"), RACE, SAME_LINES, NO_LINES);
        Path broken = findings(tmp.resolve("b"), RACE);
        Path none = Files.createDirectories(tmp.resolve("c"));      // the race detector did not run there
        List<Map<String, Object>> results = results(List.of(new Verdict(CORRECT, RESULTS, correct),
                new Verdict(BROKEN, RESULTS, broken), new Verdict(CORRECT, RESULTS, none),
                new Verdict(CORRECT, RESULTS, correct, true)));
        assertEquals(5, results.size());

        Map<String, Object> race = results.get(0);
        assertEquals("data-race", race.get("ruleId"));
        assertEquals("error", race.get("level"));
        assertEquals("spsc-release-acquire: " + RACE.message(),
                ((Map<String, Object>) race.get("message")).get("text"));
        Map<String, Object> where = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>)
                race.get("locations")).get(0).get("physicalLocation"));
        assertEquals(Map.of("uri", "io/wakepath/ring/SpscRing.java", "uriBaseId", "SRCROOT"),
                where.get("artifactLocation"));
        assertEquals(Map.of("startLine", 52L), where.get("region"));
        List<Map<String, Object>> related = (List<Map<String, Object>>) race.get("relatedLocations");
        assertEquals(1, related.size());
        assertEquals(1L, related.get(0).get("id"));
        assertEquals(Map.of("text", "earlier plain write of tail in producer"), related.get(0).get("message"));
        assertEquals(5L, ((Map<String, Object>) race.get("properties")).get("seen"));     // 3 + 2, one result
        assertFalse(race.containsKey("suppressions"));

        Map<String, Object> noLines = results.get(1);
        assertFalse(((Map<String, Object>) ((List<Map<String, Object>>) noLines.get("locations")).get(0)
                .get("physicalLocation")).containsKey("region"), "line 0 has no region: " + noLines);

        List<Map<String, Object>> suppressions = (List<Map<String, Object>>) results.get(2).get("suppressions");
        assertEquals("external", suppressions.get(0).get("kind"));
        assertTrue(((String) suppressions.get(0).get("justification")).contains("registered as broken"));

        assertEquals("warning", results.get(3).get("level"));                     // a peer's
        assertEquals("warning", results.get(4).get("level"));
    }
}
