package io.wakepath.stress;

import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verdict table (strategy x litmus test), as text and as JSON. */
final class VerdictTable {
    private VerdictTable() {
    }

    static void print(List<Verdict> verdicts, PrintStream out) {
        List<String> tests = new ArrayList<>();
        verdicts.forEach(v -> v.results().forEach(r -> {
            if (!tests.contains(r.test())) {
                tests.add(r.test());
            }
        }));
        int idWidth = verdicts.stream().mapToInt(v -> v.strategy().info().id().length()).max().orElse(8);
        out.println();
        StringBuilder header = new StringBuilder(String.format("%-" + idWidth + "s ", "strategy"));
        for (int i = 0; i < tests.size(); i++) {
            header.append(String.format("%-7s", "T" + (i + 1)));
        }
        out.println(header.append("verdict"));
        for (Verdict v : verdicts) {
            StringBuilder row = new StringBuilder(String.format("%-" + idWidth + "s ", v.strategy().info().id()));
            for (String test : tests) {
                String cell = v.results().stream().filter(r -> r.test().equals(test)).findFirst()
                        .map(v::cell).orElse("-");
                row.append(String.format("%-7s", cell));
            }
            row.append(v.summary()).append(v.asExpected() ? "" : "   <-- UNEXPECTED");
            out.println(row);
        }
        out.println();
        for (int i = 0; i < tests.size(); i++) {
            out.printf("  T%-3d %s%n", i + 1, tests.get(i));
        }
        out.println("  pass: no forbidden outcome; CAUGHT: a broken strategy showed a forbidden outcome (expected);");
        out.println("  RACE: a correct strategy did (a bug); -: the strategy does not support what the test needs.");
        out.println("  model:* are Lincheck model checks (a thread that never returns, with its interleaving).");
        out.println();
        for (Verdict v : verdicts) {
            for (TestResult r : v.results()) {
                if (r.status() == Status.FAILED && r.test().startsWith(ModelCheckRun.PREFIX)) {
                    out.printf("  %s %s %s: a thread never returned (trace: %s)%n",
                            v.correctStrategy() ? "RACE" : "caught", v.strategy().info().id(), r.test(),
                            v.report().console().resolveSibling("model-"
                                    + r.test().substring(ModelCheckRun.PREFIX.length()) + ".txt"));
                } else if (r.status() == Status.FAILED) {
                    out.printf("  %s %s %s: %s in %,d samples (%.4f%%)%n", v.correctStrategy() ? "RACE" : "caught",
                            v.strategy().info().id(), shortName(r.test()), r.forbidden().keySet(),
                            r.forbiddenSamples(), 100.0 * r.forbiddenSamples() / Math.max(1, r.samples()));
                }
            }
        }
        long unexpected = verdicts.stream().filter(v -> !v.asExpected()).count();
        long runs = verdicts.stream().mapToLong(v -> v.results().size()).sum();
        long clean = verdicts.stream().filter(v -> v.correctStrategy() && v.asExpected()).count();
        long caught = verdicts.stream().filter(v -> !v.correctStrategy() && v.asExpected()).count();
        out.printf("%n%d strategies, %d test runs: %d correct clean, %d broken caught, %d unexpected%n",
                verdicts.size(), runs, clean, caught, unexpected);
    }

    /** {@code io.wakepath.ring.RingPublicationStress.Frames} -> {@code RingPublicationStress.Frames}. */
    static String shortName(String test) {
        if (test.startsWith(ModelCheckRun.PREFIX)) {
            return test;
        }
        String[] parts = test.split("\\.");
        int first = 0;
        while (first < parts.length - 1 && !Character.isUpperCase(parts[first].charAt(0))) {
            first++;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, first, parts.length));
    }

    static Map<String, Object> toJson(List<Verdict> verdicts, JcstressPreset preset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preset", preset.name().toLowerCase());
        json.put("allAsExpected", verdicts.stream().allMatch(Verdict::asExpected));
        List<Object> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.strategy().info().id());
            row.put("layer", v.strategy().info().layer().id());
            row.put("correct", v.correctStrategy());
            row.put("bugClass", v.strategy().info().bugClass());
            row.put("verdict", v.summary());
            row.put("asExpected", v.asExpected());
            row.put("report", v.report() == null ? null : v.report().reportDir().resolve("index.html").toString());
            row.put("tests", v.results().stream().map(StressCheck::summary).toList());
            rows.add(row);
        }
        json.put("strategies", rows);
        return json;
    }
}
