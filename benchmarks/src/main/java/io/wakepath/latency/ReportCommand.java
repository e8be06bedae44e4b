package io.wakepath.latency;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Failure;
import io.wakepath.core.OutputFolder;
import io.wakepath.core.Json;
import io.wakepath.core.UsageException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency half of {@code wakepath report}: runs the hand-off scenarios (floors, peers, every correct wait queue),
 * the chain in every read mode and the herd-scaling scenarios, writes every histogram (.hgrm raw and corrected, .hlog)
 * and results.json, and renders the HTML report with the verdicts {@code check} wrote. The launcher runs
 * {@code check --quick} first and passes its verdicts.json.
 */
public final class ReportCommand {
    static final CommandLine OPTIONS = new CommandLine("report",
            "the published latency report: quick correctness verdicts and the wake-up latency scenarios, as a "
                    + "self-contained HTML page with plots, tables and the raw histograms")
            .flag("--quick", "2 s per scenario, 1,000 virtual readers at most (the default; about 10 minutes with "
                    + "the verdicts)")
            .flag("--full", "10 s per scenario, up to 10,000 virtual readers")
            .option("--out", "DIR", "where the report goes (default target/wakepath/report)")
            .flag("--dry-run", "check the options (and --compare's folder) and stop: what the launcher does before the "
                    + "verdicts' run")
            .option("--compare", "DIR", "an earlier report's folder: put both side by side and flag real changes")
            .option("--verdicts", "FILE", "the verdicts.json of a check run to show (the launcher passes it)")
            .option("--seed", "N", "seed of the arrival schedules (default 1)");

    private ReportCommand() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.exit("report", args, () -> run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CommandLine.Parsed p = OPTIONS.parse(args);
        if (p.helpRequested()) {
            OPTIONS.printHelp(out);
            return 0;
        }
        if (p.has("--quick") && p.has("--full")) {
            throw new UsageException("--quick and --full exclude each other");
        }
        boolean full = p.has("--full");
        Path dir = OutputFolder.prepare("--out", Path.of(p.value("--out").orElse("target/wakepath/report")));
        long seed = parseSeed(p.value("--seed").orElse("1"));
        Map<String, Object> previous = p.value("--compare").map(ReportCommand::readResults).orElse(null);
        Object verdicts = p.value("--verdicts").map(ReportCommand::readVerdicts).orElse(null);
        if (p.has("--dry-run")) {
            return 0;
        }

        long millis = full ? 10_000 : 2_000;
        List<LatencyResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        out.println("wakepath report: latency scenarios, " + (millis / 1000) + " s each (" + (full ? "full" : "quick")
                + "), results in " + dir);
        Step[] steps = {
            () -> Scenarios.handoffs(millis, 500, seed),
            () -> Scenarios.readModes(millis, seed),
            () -> Scenarios.compositions(millis / 2, seed),
            () -> Scenarios.herd(millis, seed, full ? List.of(1_000, 10_000) : List.of(1_000)),
        };
        String[] names = {"hand-offs: floors, peers, wait queues", "the chain: blocking, poll, epoll LT/ET",
            "compositions: the chain with every correct ring, wait queue and poll strategy",
                "herd scaling: exclusive and non-exclusive"};
        for (int i = 0; i < steps.length; i++) {
            out.printf("  [%d/%d] %s ...%n", i + 1, steps.length, names[i]);
            out.flush();
            try {
                for (LatencyResult r : steps[i].run()) {
                    results.add(r);
                    out.printf("        %-28s p50 %8.1f us  p99 %8.1f us  (%,d events)%n", r.name(), r.p50() / 1e3,
                            r.p99() / 1e3, r.events());
                }
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
                out.println("        FAILED: " + e.getMessage());
            }
        }
        Environment env = Environment.now();
        List<Goal> goals = Goal.evaluate(results);
        Map<String, Object> json = toJson(env, results, goals, full);
        out.println();
        for (Goal g : goals) {
            out.println("  " + g);
        }
        out.println();
        boolean written;
        try {
            writeHistograms(dir, results);
            written = true;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("wakepath report: could not write the histograms to " + dir + ": " + Failure.of(e));
            written = false;
        }
        written &= OutputFolder.write("report", dir.resolve("results.json"), Json.write(json), out);
        written &= OutputFolder.write("report", dir.resolve("index.html"), ReportPage.render(env, results, goals,
                verdicts, previous, full), out);
        if (!written) {
            return 1;
        }
        out.println("report: " + dir.resolve("index.html"));
        if (!failures.isEmpty()) {
            out.println("some scenarios failed their checks: the report leaves them out");
            return 1;
        }
        return 0;
    }

    @FunctionalInterface
    private interface Step {
        List<LatencyResult> run() throws InterruptedException;
    }

    private static long parseSeed(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed needs a whole number, got '" + s + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readResults(String folder) {
        Path file = Path.of(folder).resolve("results.json");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--compare: no results.json in " + folder + " (give the folder of a report)");
        }
        try {
            Object parsed = Json.parse(Files.readString(file));
            if (!(parsed instanceof Map<?, ?> map) || !(map.get("scenarios") instanceof List<?>)) {
                throw new UsageException("--compare: " + file + " is not a wakepath report's results.json");
            }
            return (Map<String, Object>) parsed;
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--compare: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Object readVerdicts(String file) {
        try {
            return Json.parse(Files.readString(Path.of(file)));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--verdicts: cannot read " + file + ": " + e.getMessage());
        }
    }

    /** {@code NAME.hgrm} and {@code NAME-corrected.hgrm} (percentile distributions in us), {@code NAME.hlog}. */
    private static void writeHistograms(Path dir, List<LatencyResult> results) throws IOException {
        for (LatencyResult r : results) {
            hgrm(dir.resolve(r.name() + ".hgrm"), r.raw());
            hgrm(dir.resolve(r.name() + "-corrected.hgrm"), r.corrected());
            try (PrintStream ps = new PrintStream(Files.newOutputStream(dir.resolve(r.name() + ".hlog")), true,
                    StandardCharsets.UTF_8)) {
                HistogramLogWriter w = new HistogramLogWriter(ps);
                w.outputComment("wakepath " + r.name() + ": " + r.description() + " (nanoseconds)");
                w.outputLogFormatVersion();
                w.outputLegend();
                Histogram raw = r.raw().copy();
                raw.setTag("raw");
                Histogram corrected = r.corrected().copy();
                corrected.setTag("corrected");
                w.outputIntervalHistogram(raw);
                w.outputIntervalHistogram(corrected);
            }
        }
    }

    private static void hgrm(Path file, Histogram h) throws IOException {
        try (PrintStream ps = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(ps, 5, 1000.0);       // microseconds
        }
    }

    static Map<String, Object> toJson(Environment env, List<LatencyResult> results, List<Goal> goals, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", full ? "full" : "quick");
        json.put("environment", env.toMap());
        List<Object> rows = new ArrayList<>();
        for (LatencyResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("group", r.group());
            row.put("description", r.description());
            row.put("readers", r.readers());
            row.put("events", r.events());
            row.put("rawMicros", Percentiles.of(r.raw()));
            row.put("correctedMicros", Percentiles.of(r.corrected()));
            row.put("cpuPerEventMicros", r.cpuPerEventNanos() / 1e3);
            row.put("idleCpuPercent", r.idleCpuPercent());
            row.put("wakesPerEvent", r.wakesPerEvent());
            Map<String, Object> hops = new LinkedHashMap<>();
            r.hops().forEach((hop, h) -> hops.put(hop, Percentiles.of(h)));
            row.put("hopsMicros", hops);
            rows.add(row);
        }
        json.put("scenarios", rows);
        json.put("goals", goals.stream().map(Goal::toMap).toList());
        return json;
    }
}
