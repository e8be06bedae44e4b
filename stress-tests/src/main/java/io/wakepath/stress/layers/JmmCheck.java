package io.wakepath.stress.layers;

import io.wakepath.core.Json;
import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.jmm.Agent;
import io.wakepath.jmm.Finding;
import io.wakepath.jmm.Hb;
import io.wakepath.jmm.LostWake;
import io.wakepath.jmm.Race;
import io.wakepath.stress.harness.Failures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child-VM side of the happens-before checker ({@code jmm}): runs the layer's workloads on the strategy under
 * test, in a VM started with the race detector's agent instrumenting the classes under test, and prints one line,
 * {@code JMM races OK|FAILED|ERROR|INCONCLUSIVE [what it saw]}; every race's full report goes to
 * {@code OUT_DIR/jmm-races.txt}, and each finding with its source lines to {@code OUT_DIR/}{@value #FINDINGS} (for
 * {@code check}'s SARIF). {@code JmmCheck LAYER ID|class:NAME OUT_DIR}.
 */
public final class JmmCheck {
    /** The file beside the report that lists the findings with their source lines, as JSON. */
    public static final String FINDINGS = "jmm-findings.json";

    private JmmCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: JmmCheck LAYER ID|class:NAME OUT_DIR");
        }
        Layer layer = Layer.byId(args[0]);
        Strategy strategy = Bindings.resolve(layer, args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        System.out.println(judge(Bindings.of(layer).jmmWorkloads(strategy), out.resolve("jmm-races.txt")));
        System.out.flush();
        Runtime.getRuntime().halt(0);                       // a workload thread left behind must not keep the VM
    }

    static String judge(Map<String, Runnable> workloads, Path report) throws IOException {
        Map<String, Race> races = new LinkedHashMap<>();
        Map<String, LostWake> lostWakes = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        long events = 0;
        for (Map.Entry<String, Runnable> w : workloads.entrySet()) {
            Hb.reset();
            try {
                w.getValue().run();
            } catch (RuntimeException | Error e) {
                errors.add(w.getKey() + ": " + Failures.reason(e));
            }
            events += Hb.events();
            for (Race r : Hb.races()) {
                races.putIfAbsent(r.summary(), r);
            }
            for (LostWake l : Hb.lostWakes()) {
                lostWakes.putIfAbsent(l.summary(), l);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(workloads.size()).append(" workloads (").append(String.join(", ", workloads.keySet()))
                .append("), ").append(events).append(" accesses checked; classes instrumented: ")
                .append(Agent.instrumented()).append("\n");
        Agent.failures().forEach(f -> text.append("not instrumented: ").append(f).append("\n"));
        errors.forEach(e -> text.append("workload failed: ").append(e).append("\n"));
        lostWakes.values().forEach(l -> text.append("\n").append(l.report()).append("\n"));
        races.values().forEach(r -> text.append("\n").append(r.report()).append("\n"));
        Files.writeString(report, text);
        List<Finding> findings = new ArrayList<>();
        lostWakes.values().forEach(l -> findings.add(l.finding()));
        races.values().forEach(r -> findings.add(r.finding()));
        // whole or not at all: a VM killed at its deadline must not leave half a file for check's SARIF to read
        Path partial = report.resolveSibling(FINDINGS + ".partial");
        Files.writeString(partial, Json.write(findings.stream().map(JmmCheck::json).toList()));
        Files.move(partial, report.resolveSibling(FINDINGS), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        if (!lostWakes.isEmpty()) {
            // First: a wake the JMM lets be lost decides more than a data race does.
            return "JMM races FAILED " + count(lostWakes.size(), "lost wakeup") + (races.isEmpty() ? ""
                    : " and " + count(races.size(), "data race")) + "; " + lostWakes.values().iterator().next()
                    .summary() + "; report: " + report;
        }
        if (!races.isEmpty()) {
            // The headline: a race whose missing edge could be named (a publication through a flag), on the data
            // (two plain accesses) when there is one; else the first.
            Race first = races.values().stream().filter(r -> r.plainOnBothSides() && r.explained()).findFirst()
                    .or(() -> races.values().stream().filter(Race::explained).findFirst())
                    .orElse(races.values().iterator().next());
            return "JMM races FAILED " + count(races.size(), "data race") + "; " + first.summary() + "; report: "
                    + report;
        }
        if (!errors.isEmpty()) {
            return "JMM races ERROR a workload failed: " + errors.get(0) + "; report: " + report;
        }
        if (events == 0) {
            return "JMM races INCONCLUSIVE no access of the class under test was seen (not instrumented: "
                    + (Agent.failures().isEmpty() ? "its classes are not on the instrumented class path"
                    : Agent.failures().get(0)) + ")";
        }
        return "JMM races OK";
    }

    /** {@code {rule, message, seen, places: [{path, line, role}]}}: what check's SARIF reads back. */
    public static Map<String, Object> json(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", f.rule());
        m.put("message", f.message());
        m.put("seen", f.seen());
        m.put("places", f.places().stream().map(p -> {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("path", p.path());
            place.put("line", p.line());
            place.put("role", p.role());
            return place;
        }).toList());
        return m;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
