package io.wakepath.stress;

import io.wakepath.core.Json;
import io.wakepath.stress.layers.JmmCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The race detector's findings as SARIF 2.1.0, the format code-scanning tools show beside the source (GitHub code
 * scanning, IDE SARIF viewers): one result per data race or lost wakeup and pair (or four) of source lines, placed at
 * a race's write or at the store of a lost wakeup's side with no full barrier after it, with the lines it pairs with
 * as related locations. Only the race detector places its findings in the source; the litmus tests and the chain see
 * outcomes, not lines, and are in the JUnit report and {@code verdicts.json}.
 *
 * <p>Paths are relative to a source root ({@code uriBaseId} {@code SRCROOT}: {@code src/main/java} in a Maven
 * project), built from each class's package and source file. A finding in a strategy registered as broken is there on
 * purpose (the checkers must catch it): it is written with an external suppression that says so, so that a scan of
 * wakepath itself shows only what is unexpected. A peer's finding ({@code --peers}) is a warning: no verdict rests on
 * it.
 */
final class SarifReport {
    private static final String SRCROOT = "SRCROOT";

    private SarifReport() {
    }

    static String of(List<Verdict> verdicts) {
        Map<List<Object>, Map<String, Object>> results = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            for (Object found : findings(v.dir())) {
                Map<?, ?> finding = (Map<?, ?>) found;
                // one result per checked class (its reports folder), rule and source lines: the races of one pair
                // of lines on several elements of an array are one place to mend
                List<Object> key = new ArrayList<>(List.of(v.dir().toString(), v.peer(), finding.get("rule")));
                for (Object place : (List<?>) finding.get("places")) {
                    key.add(((Map<?, ?>) place).get("path") + ":" + ((Map<?, ?>) place).get("line"));
                }
                Map<String, Object> same = results.get(key);
                if (same == null) {
                    results.put(key, result(v, finding));
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> properties = (Map<String, Object>) same.get("properties");
                    properties.put("seen", ((Number) properties.get("seen")).longValue()
                            + ((Number) finding.get("seen")).longValue());
                }
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "wakepath");
        driver.put("rules", List.of(
                rule("data-race", "Data race", "Two accesses to one location from different threads, at least one a "
                        + "write and one plain, that no happens-before edge orders: the Java Memory Model lets the "
                        + "read see a stale or torn value."),
                rule("lost-wakeup", "Lost wakeup by store buffering", "A sleeper stores its registration and loads "
                        + "the condition, a waker stores the condition and loads the registration, and one side has no "
                        + "full barrier between its store and its load: both loads may miss, and the sleeper waits "
                        + "for a wake nobody sends.")));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("description", Map.of("text",
                "the source root the paths are relative to (src/main/java in a Maven project)"))));
        run.put("results", new ArrayList<>(results.values()));
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return Json.write(sarif);
    }

    /**
     * The findings the race detector wrote for one strategy ({@code JmmCheck.json}'s shape), as JSON maps; none when
     * it did not run there. Not read back into {@code jmm.Finding}s: {@code check}'s own VM does not load the race
     * detector's classes (only its child VMs do, from the agent's jar).
     */
    private static List<?> findings(Path dir) {
        Path file = dir.resolve(JmmCheck.FINDINGS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return (List<?>) Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, Object> result(Verdict v, Map<?, ?> finding) {
        String id = v.strategy().info().id();
        List<?> places = (List<?>) finding.get("places");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.get("rule"));
        result.put("level", v.peer() ? "warning" : "error");
        result.put("message", text(id + ": " + finding.get("message")));
        result.put("locations", List.of(location((Map<?, ?>) places.get(0), -1)));
        List<Object> related = new ArrayList<>();
        for (int i = 1; i < places.size(); i++) {
            related.add(location((Map<?, ?>) places.get(i), i));
        }
        result.put("relatedLocations", related);
        if (!v.peer() && !v.correctStrategy()) {
            Map<String, Object> suppression = new LinkedHashMap<>();
            suppression.put("kind", "external");
            suppression.put("justification", "a strategy registered as broken (" + v.strategy().info().bugClass()
                    + "): the checkers must catch it");
            result.put("suppressions", List.of(suppression));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("strategy", id);
        properties.put("layer", v.strategy().info().layer().id());
        properties.put("seen", finding.get("seen"));
        properties.put("reports", v.dir().toString());
        result.put("properties", properties);
        return result;
    }

    /** A SARIF location; {@code id} >= 0 for a related one. Line 0 (no line numbers): the file alone. */
    private static Map<String, Object> location(Map<?, ?> place, int id) {
        Map<String, Object> physical = new LinkedHashMap<>();
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("uri", place.get("path"));
        artifact.put("uriBaseId", SRCROOT);
        physical.put("artifactLocation", artifact);
        long line = ((Number) place.get("line")).longValue();
        if (line > 0) {
            physical.put("region", Map.of("startLine", line));
        }
        Map<String, Object> location = new LinkedHashMap<>();
        if (id >= 0) {
            location.put("id", id);
        }
        location.put("physicalLocation", physical);
        location.put("message", text((String) place.get("role")));
        return location;
    }

    private static Map<String, Object> rule(String id, String name, String description) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("name", name);
        rule.put("shortDescription", text(name));
        rule.put("fullDescription", text(description));
        rule.put("defaultConfiguration", Map.of("level", "error"));
        return rule;
    }

    private static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}
