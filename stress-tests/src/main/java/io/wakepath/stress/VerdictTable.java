package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;
import io.wakepath.stress.harness.Rule;
import io.wakepath.stress.layers.Bindings;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The verdict table (strategy x property, one section per layer), as text and as JSON. */
final class VerdictTable {
    private VerdictTable() {
    }

    /**
     * @param reproduce the command that runs a strategy's checks again
     */
    static void print(List<Verdict> verdicts, Function<Verdict, String> reproduce, PrintStream out) {
        for (Layer layer : Layer.values()) {
            List<Verdict> section = verdicts.stream().filter(v -> v.strategy().info().layer() == layer).toList();
            if (!section.isEmpty()) {
                printSection(layer, section, out);
            }
        }
        out.println("  pass: nothing forbidden seen; CAUGHT: a broken strategy showed a forbidden outcome (expected);");
        out.println("  RACE: a correct strategy (or your class) did: a bug; -: does not apply to the strategy;");
        out.println("  INCONC: the checker could not decide (the reason is listed below): no verdict either way.");
        if (verdicts.stream().anyMatch(Verdict::peer)) {
            out.println("  FOUND: a peer (check --peers) showed a forbidden outcome: listed below with the reproduce");
            out.println("  command; a peer has no expected verdict and never fails the run.");
        }
        out.println("  jcstress tests: 2-actor litmus tests; model:* Lincheck model checks (a thread that never");
        out.println("  returns, with the interleaving); chain:* the many-reader chain stress (ledger and watchdog);");
        out.println("  jmm:races the happens-before race detector (the Java memory model's rules, not this CPU's):");
        out.println("  data races, and wakes the JMM lets be lost by store buffering.");
        out.println();
        verdicts.stream().filter(v -> v.usersClass() || v.peer()).forEach(v -> printRules(v, out));
        // What was caught as expected first, anything unexpected last: a log's tail (all CI keeps) shows the trouble.
        verdicts.stream().filter(v -> v.asExpected() && !v.peer()).forEach(v -> printFindings(v, out));
        for (Verdict v : verdicts.stream().filter(Verdict::peer).toList()) {
            printFindings(v, out);
            if (v.results().stream().anyMatch(r -> r.status() != Status.OK)) {
                out.println("    reproduce: " + reproduce.apply(v));
            }
        }
        List<Verdict> trouble = verdicts.stream().filter(v -> !v.asExpected()).toList();
        if (!trouble.isEmpty()) {
            out.printf("%nUNEXPECTED (%d):%n", trouble.size());
        }
        for (Verdict v : trouble) {
            out.println("  " + v.strategy().info().id() + ": " + v.summary());
            printFindings(v, out);
            out.println("    reproduce: " + reproduce.apply(v));
        }
        long unexpected = trouble.size();
        long runs = verdicts.stream().mapToLong(v -> v.results().size()).sum();
        long clean = verdicts.stream().filter(v -> v.correctStrategy() && v.asExpected()).count();
        long caught = verdicts.stream().filter(v -> !v.correctStrategy() && v.asExpected()).count();
        long peers = verdicts.stream().filter(Verdict::peer).count();
        if (peers > 0) {
            long found = verdicts.stream().filter(v -> v.peer() && (v.any(Status.FAILED) || v.any(Status.HUNG)))
                    .count();
            long peersClean = verdicts.stream().filter(v -> v.peer() && v.summary().startsWith("clean")).count();
            out.printf("%n%d peers, %d test runs: %d with findings, %d clean, %d undecided (an error or no checker "
                    + "could decide)%n", peers, runs, found, peersClean, peers - found - peersClean);
            return;
        }
        out.printf("%n%d strategies, %d test runs: %d correct clean, %d broken caught, %d unexpected%n",
                verdicts.size(), runs, clean, caught, unexpected);
    }

    /** Which rules of its layer's table a class's runs exercised (ran and decided), and which they did not. */
    private static void printRules(Verdict v, PrintStream out) {
        List<Rule> rules = Bindings.of(v.strategy().info().layer()).rules();
        List<String> exercised = exercised(v, rules);
        List<String> not = rules.stream().map(Rule::id).filter(id -> !exercised.contains(id)).toList();
        out.printf("rules exercised for %s: %d of %d (%s)%n", v.strategy().info().id(), exercised.size(),
                rules.size(), String.join(", ", exercised));
        if (!not.isEmpty()) {
            out.printf("  not exercised: %s (no property of theirs applies to it, or none could decide)%n",
                    String.join(", ", not));
        }
    }

    /** The ids of the rules that at least one of {@code v}'s results checked and decided. */
    private static List<String> exercised(Verdict v, List<Rule> rules) {
        List<String> decided = v.results().stream()
                .filter(r -> r.status() == Status.OK || r.status() == Status.FAILED)
                .map(r -> shortName(r.test())).toList();
        return rules.stream().filter(rule -> decided.stream().anyMatch(rule::checkedBy)).map(Rule::id).toList();
    }

    /** One line per test that did not pass: what it saw, in words. */
    private static void printFindings(Verdict v, PrintStream out) {
        for (TestResult r : v.results()) {
            if (r.status() == Status.OK) {
                continue;
            }
            String word = r.status() == Status.FAILED ? (v.peer() ? "found" : v.correctStrategy() ? "RACE" : "caught")
                    : r.status().name();
            if (r.status() == Status.INCONCLUSIVE) {
                word = "inconclusive";
            }
            String amount = r.samples() > 0 ? String.format(" in %,d of %,d samples", r.forbiddenSamples(),
                    r.samples()) : "";
            out.printf("  %s %s %s%s: %s%n", word, v.strategy().info().id(), shortName(r.test()), amount,
                    r.saw() != null ? r.saw() : r.forbidden().keySet());
        }
    }

    private static void printSection(Layer layer, List<Verdict> verdicts, PrintStream out) {
        List<String> tests = new ArrayList<>();
        verdicts.forEach(v -> v.results().forEach(r -> {
            if (!tests.contains(r.test())) {
                tests.add(r.test());
            }
        }));
        int idWidth = Math.max(12, verdicts.stream().mapToInt(v -> v.strategy().info().id().length()).max().orElse(8));
        out.println();
        out.println("== " + layer.id());
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
        for (int i = 0; i < tests.size(); i++) {
            out.printf("  T%-3d %s%n", i + 1, shortName(tests.get(i)));
        }
        out.println();
    }

    /** {@code io.wakepath.ring.RingPublicationStress.Frames} -> {@code RingPublicationStress.Frames}. */
    static String shortName(String test) {
        if (test.contains(":")) {
            return test;
        }
        String[] parts = test.split("\\.");
        int first = 0;
        while (first < parts.length - 1 && !Character.isUpperCase(parts[first].charAt(0))) {
            first++;
        }
        return String.join(".", Arrays.copyOfRange(parts, first, parts.length));
    }

    static Map<String, Object> toJson(List<Verdict> verdicts, CheckPreset preset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("preset", preset.name().toLowerCase());
        json.put("interrupted", false);
        json.put("allAsExpected", verdicts.stream().allMatch(Verdict::asExpected));
        List<Object> rows = new ArrayList<>();
        for (Verdict v : verdicts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v.strategy().info().id());
            row.put("layer", v.strategy().info().layer().id());
            row.put("correct", v.correctStrategy());
            row.put("peer", v.peer());
            row.put("bugClass", v.strategy().info().bugClass());
            row.put("verdict", v.summary());
            row.put("asExpected", v.asExpected());
            Path html = v.dir().resolve("html").resolve("index.html");
            row.put("jcstressReport", Files.exists(html) ? html.toString() : null);
            row.put("reports", v.dir().toString());
            row.put("tests", v.results().stream().map(VerdictTable::summary).toList());
            row.put("rulesExercised", exercised(v, Bindings.of(v.strategy().info().layer()).rules()));
            rows.add(row);
        }
        json.put("strategies", rows);
        return json;
    }

    private static Map<String, Object> summary(TestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", r.test());
        m.put("status", r.status().name());
        m.put("samples", r.samples());
        m.put("forbiddenSamples", r.forbiddenSamples());
        m.put("forbiddenOutcomes", r.forbidden());
        m.put("saw", r.saw());
        return m;
    }
}
