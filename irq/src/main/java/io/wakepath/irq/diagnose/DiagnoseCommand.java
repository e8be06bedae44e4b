package io.wakepath.irq.diagnose;

import io.wakepath.core.CommandLine;
import io.wakepath.core.OutputFolder;
import io.wakepath.core.Json;
import io.wakepath.irq.ledger.Conservation;
import io.wakepath.irq.ledger.Hop;
import io.wakepath.irq.ledger.Ledger;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wakepath diagnose [scenario options]}: runs one scenario, prints the ledger and the eight checks, writes
 * {@code diagnose.json}. Exit 0 when no check fails, 1 when one does, 2 for bad options.
 */
public final class DiagnoseCommand {
    private DiagnoseCommand() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.exit("diagnose", args, () -> run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws InterruptedException {
        CommandLine.Parsed parsed = ScenarioOptions.OPTIONS.parse(args);
        if (parsed.helpRequested()) {
            ScenarioOptions.OPTIONS.printHelp(out);
            return 0;
        }
        Scenario scenario = ScenarioOptions.from(parsed);
        Path dir = OutputFolder.prepare("--out", parsed.value("--out").map(Path::of)
                .orElse(Path.of(System.getProperty("wakepath.root", "."), "target", "wakepath", "diagnose")));
        boolean json = parsed.has("--json");
        if (!json) {
            out.println("wakepath diagnose: " + headline(scenario));
            out.println("  running " + scenario.durationMillis() + " ms, then settle, free_irq, hang-up ...");
            out.flush();
        }
        RunResult result = ChainRun.run(scenario);
        List<Finding> findings = Diagnosis.of(result);
        int exit = Diagnosis.anyFailed(findings) ? 1 : 0;
        Map<String, Object> doc = toJson(result, findings, exit);
        Path file = dir.resolve("diagnose.json");
        if (json) {
            out.print(Json.write(doc));
        } else {
            printReport(result, findings, out);
            out.println();
            out.println("replay: " + ScenarioOptions.replay(scenario));
        }
        if (!OutputFolder.write("diagnose", file, Json.write(doc), json ? System.err : out)) {
            return 1;
        }
        if (!json) {
            out.println("json:   " + file);
        }
        return exit;
    }

    static String headline(Scenario s) {
        return "driver " + s.driver().id() + " | ring " + s.ring().id() + " (" + s.ringConfig().capacity() + ", "
                + ScenarioOptions.describe(s).get("overflow") + ") | waitqueue " + s.waitQueue().id() + " | poll " + s.poll().id()
                + " | " + s.readers() + " " + s.read().id() + " reader" + (s.readers() == 1 ? "" : "s")
                + (s.exclusive() ? " (exclusive)" : "") + " | "
                + (s.closedLoop() > 0 ? "closed loop of " + s.closedLoop() : s.pattern().toString())
                + (s.signals() > 0 ? ", " + (long) s.signals() + " signals/s" : "")
                + (s.timeouts().timed() ? ", waits time out after " + s.timeouts() : "") + " for " + s.durationMillis()
                + " ms | " + ScenarioOptions.describe(s).get("line") + " line, FIFO " + s.fifoDepth() + ", seed " + s.seed();
    }

    public static void printReport(RunResult r, List<Finding> findings, PrintStream out) {
        Ledger.Totals t = r.totals();
        out.println();
        out.println("ledger (" + r.wallMillis() + " ms wall)");
        out.println("  " + r.conservation());
        for (Conservation.Stage s : r.conservation().stages()) {
            out.println("    " + s);
        }
        out.printf("  interrupts: %,d delivered on the line, %,d unhandled; %,d with this device's status set%s%n",
                r.line().delivered(), r.line().unhandled(), r.device().ownInterrupts(),
                r.threadRuns() > 0 ? String.format("; handler thread ran %,d times (%,d wakes coalesced)",
                        r.threadRuns(), r.coalescedWakes()) : "");
        out.printf("  wakes: %,d issued, %,d waiters woken, %,d woke to nothing; IN reported %,d, EAGAIN after IN %,d%n",
                t.wakes(), t.readersWoken(), t.wokenEmpty(), t.inReported(), t.eagainAfterIn());
        out.printf("  reads: %,d calls, %,d samples, %,d EAGAIN, %,d EOVERFLOW (%,d lost)%s; longest readable while "
                        + "all slept: %s%n", t.reads(), t.eventsRead(), t.eagain(), t.overflowReports(), t.lostReported(),
                r.scenario().timeouts().timed() ? String.format("; %,d timed waits ended at their deadline",
                        t.timedOut()) : "", Diagnosis.millis(r.maxReadableAsleepNanos()));
        out.println("  latency (us)        count      p50      p90      p99    p99.9      max");
        for (Map.Entry<Hop, Histogram> e : r.hops().entrySet()) {
            Histogram h = e.getValue();
            out.printf("    %-14s %,10d %8s %8s %8s %8s %8s%n", e.getKey().id(), h.getTotalCount(),
                    us(h, 50), us(h, 90), us(h, 99), us(h, 99.9), h.getTotalCount() == 0 ? "-"
                            : String.format("%.1f", h.getMaxValue() / 1e3));
        }
        out.println();
        out.println("checks");
        for (Finding f : findings) {
            out.printf("  %-4s  %-17s %s: %s%n", f.outcome(), f.check().id(), f.check().title(), f.summary());
            for (String e : f.evidence()) {
                out.println("          " + e.replace("\n", "\n          "));
            }
        }
        long pass = findings.stream().filter(f -> f.outcome() == Check.Outcome.PASS).count();
        long warn = findings.stream().filter(f -> f.outcome() == Check.Outcome.WARN).count();
        long fail = findings.stream().filter(f -> f.outcome() == Check.Outcome.FAIL).count();
        out.println();
        out.printf("result: %d PASS, %d WARN, %d FAIL%s%n", pass, warn, fail,
                fail == 0 ? "" : " -- failed: " + String.join(", ", findings.stream()
                        .filter(f -> f.outcome() == Check.Outcome.FAIL).map(f -> f.check().id()).toList()));
    }

    private static String us(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : String.format("%.1f", h.getValueAtPercentile(percentile) / 1e3);
    }

    static Map<String, Object> toJson(RunResult r, List<Finding> findings, int exit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", ScenarioOptions.describe(r.scenario()));
        doc.put("replay", ScenarioOptions.replay(r.scenario()));
        Map<String, Object> ledger = new LinkedHashMap<>();
        Ledger.Totals t = r.totals();
        ledger.put("totals", fields(t));
        Map<String, Object> law = new LinkedHashMap<>();
        law.put("holds", r.conservation().holds());
        law.put("raised", r.conservation().raised());
        law.put("read", r.conservation().read());
        law.put("dropped", r.conservation().dropped());
        law.put("queued", r.conservation().queued());
        law.put("unaccounted", r.conservation().unaccounted());
        List<Object> stages = new ArrayList<>();
        for (Conservation.Stage s : r.conservation().stages()) {
            stages.add(Map.of("stage", s.name(), "in", s.in(), "out", s.out(), "unaccounted", s.unaccounted()));
        }
        law.put("stages", stages);
        ledger.put("conservation", law);
        ledger.put("device", fields(r.device()));
        ledger.put("line", Map.of("delivered", r.line().delivered(), "unhandled", r.line().unhandled(),
                "disabled", r.lineDisabled() == null ? "no" : r.lineDisabled()));
        ledger.put("maxReadableWhileAllWaitNanos", r.maxReadableAsleepNanos());
        Map<String, Object> hops = new LinkedHashMap<>();
        r.hops().forEach((hop, h) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("description", hop.description());
            p.put("count", h.getTotalCount());
            if (h.getTotalCount() > 0) {
                p.put("p50Nanos", h.getValueAtPercentile(50));
                p.put("p90Nanos", h.getValueAtPercentile(90));
                p.put("p99Nanos", h.getValueAtPercentile(99));
                p.put("p999Nanos", h.getValueAtPercentile(99.9));
                p.put("maxNanos", h.getMaxValue());
            }
            hops.put(hop.id(), p);
        });
        ledger.put("hops", hops);
        doc.put("ledger", ledger);
        List<Object> checks = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.check().id());
            m.put("title", f.check().title());
            m.put("outcome", f.outcome().name());
            m.put("summary", f.summary());
            m.put("evidence", f.evidence());
            checks.add(m);
        }
        doc.put("checks", checks);
        doc.put("exit", exit);
        return doc;
    }

    /** A record of counters as a JSON object: its components by name, in declaration order. */
    private static Map<String, Object> fields(Record counters) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (var c : counters.getClass().getRecordComponents()) {
            try {
                fields.put(c.getName(), c.getAccessor().invoke(counters));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }
}
