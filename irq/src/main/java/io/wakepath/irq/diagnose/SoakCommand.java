package io.wakepath.irq.diagnose;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Json;
import io.wakepath.core.OutputFolder;
import io.wakepath.core.UsageException;
import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code wakepath soak}: every correct composition of the chain in rotation (every correct ring x wait queue x poll
 * strategy x read mode, exclusive and not, platform and virtual readers) with fresh seeds, varied load (closed loop,
 * Poisson, bursts), signals and timed waits, for as long as asked. After each run, the ledger's conservation and the
 * eight checks; progress on one line; at the end (or on Ctrl-C) a table per composition: runs, samples, the worst
 * stall, and every failure with the command that replays it. Exit 1 on any failure. The heap is printed after each
 * hour: it must stay flat.
 */
public final class SoakCommand {
    static final CommandLine OPTIONS = new CommandLine("soak",
            "every correct composition of the chain in rotation, with fresh seeds, for as long as asked; the "
                    + "conservation law and the eight checks after each run; exit 1 on any failure")
            .option("--duration", "TIME", "how long to soak, e.g. 30m or 8h (default 30m)")
            .option("--seed", "N", "the first run's seed; run i uses N + i (default: the clock)")
            .option("--run", "TIME", "how long samples arrive in each run (default 1s)")
            .option("--out", "DIR", "where soak.json goes (default target/wakepath/soak)");

    private static final String STALL = "50ms";
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    /** One composition of the chain and what its runs found. */
    record Composition(RingStrategy ring, WaitQueueStrategy waitQueue, PollStrategy poll, ReadMode read, int readers,
                       boolean exclusive, boolean virtual) {
        String name() {
            return ring.id() + " | " + waitQueue.id() + " | " + poll.id() + " | " + readers + " " + read.id()
                    + (exclusive ? " excl" : "") + (virtual ? " virtual" : "");
        }

        List<String> options() {
            List<String> o = new ArrayList<>(List.of("--ring", ring.id(), "--waitqueue", waitQueue.id(), "--poll",
                    poll.id(), "--read", read.id(), "--readers", Integer.toString(readers), "--overflow",
                    OverflowPolicy.PREFERENCE.stream().filter(ring.capabilities().sharedPolicies()::contains)
                            .findFirst().orElseThrow().id()));
            if (exclusive) {
                o.add("--exclusive");
            }
            if (virtual) {
                o.add("--virtual");
            }
            return o;
        }
    }

    /** A composition's tally. */
    static final class Tally {
        int runs;
        long samples;
        long worstStallNanos;
        final List<String> failures = new ArrayList<>();
    }

    private SoakCommand() {
    }

    public static int run(String[] args, PrintStream out) throws InterruptedException {
        CommandLine.Parsed p = OPTIONS.parse(args);
        if (p.helpRequested()) {
            OPTIONS.printHelp(out);
            return 0;
        }
        long duration = p.millis("--duration", "30m", 1_000, TimeUnit.DAYS.toMillis(7));
        long runMillis = p.millis("--run", "1s", 100, 60_000);
        long firstSeed = p.value("--seed").map(s -> parseSeed(s)).orElse(System.currentTimeMillis());
        Path dir = OutputFolder.prepare("--out", p.value("--out").map(Path::of)
                .orElse(Path.of(System.getProperty("wakepath.root", "."), "target", "wakepath", "soak")));
        List<Composition> compositions = compositions(firstSeed);
        Map<Composition, Tally> tallies = new LinkedHashMap<>();
        compositions.forEach(c -> tallies.put(c, new Tally()));
        AtomicBoolean finished = new AtomicBoolean();
        long[] totals = new long[2];                   // runs, samples
        long heapAtStart = heapMb();
        out.printf("wakepath soak: %d compositions in rotation for %s (runs of %d ms, seeds from %d); heap %d MB%n",
                compositions.size(), human(duration), runMillis, firstSeed, heapAtStart);
        Thread summary = new Thread(() -> {
            if (!finished.get()) {
                out.println();
                out.println("interrupted after " + totals[0] + " runs: the table below is what ran");
                finish(tallies, totals, heapAtStart, dir, out, true);
            }
        }, "soak-summary");
        Runtime.getRuntime().addShutdownHook(summary);

        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(duration);
        long nextHour = start + HOUR;
        boolean tty = System.console() != null;
        long lastLine = start;
        for (int i = 0; System.nanoTime() < deadline; i++) {
            Composition c = compositions.get(i % compositions.size());
            long seed = firstSeed + i;
            Scenario scenario = ScenarioOptions.of(variation(c, seed, runMillis).toArray(String[]::new));
            Tally t = tallies.get(c);
            RunResult result;
            try {
                result = ChainRun.run(scenario);
            } catch (UsageException notApplicable) {
                continue;
            } catch (RuntimeException e) {
                t.failures.add("the run failed: " + io.wakepath.core.Failure.of(e) + "; replay: " + ScenarioOptions.replay(scenario));
                continue;
            }
            List<Finding> findings = Diagnosis.of(result);
            t.runs++;
            t.samples += result.totals().raised();
            t.worstStallNanos = Math.max(t.worstStallNanos, result.maxReadableAsleepNanos());
            for (Finding f : findings) {
                if (f.outcome() == Check.Outcome.FAIL) {
                    t.failures.add(f.check().id() + ": " + f.summary() + "; replay: " + ScenarioOptions.replay(scenario));
                }
            }
            totals[0]++;
            totals[1] += result.totals().raised();
            long now = System.nanoTime();
            if (now >= nextHour) {
                out.printf("%nheap after %d h: %d MB (at start: %d MB)%n", (now - start) / HOUR, heapMb(), heapAtStart);
                nextHour += HOUR;
            }
            if (tty || now - lastLine > TimeUnit.MINUTES.toNanos(1)) {
                out.printf("%ssoak: %s of %s, %,d runs, %,d samples, %d failures%s", tty ? "\r" : "",
                        human(TimeUnit.NANOSECONDS.toMillis(now - start)), human(duration), totals[0], totals[1],
                        failures(tallies), tty ? "" : System.lineSeparator());
                out.flush();
                lastLine = now;
            }
        }
        finished.set(true);
        Runtime.getRuntime().removeShutdownHook(summary);
        out.println();
        return finish(tallies, totals, heapAtStart, dir, out, false);
    }

    /** Every correct composition, in a rotation order shuffled by the seed (the same seed, the same order). */
    static List<Composition> compositions(long seed) {
        List<Composition> all = new ArrayList<>();
        for (RingStrategy ring : RingStrategies.REGISTRY.all()) {
            for (WaitQueueStrategy wq : WaitQueueStrategies.REGISTRY.all()) {
                for (PollStrategy poll : PollStrategies.REGISTRY.all()) {
                    if (!ring.correct() || !wq.correct() || !poll.correct()) {
                        continue;
                    }
                    for (ReadMode read : ReadMode.values()) {
                        if (!ring.topology().multiConsumer()) {
                            all.add(new Composition(ring, wq, poll, read, 1, false, false));
                            continue;
                        }
                        for (boolean exclusive : new boolean[] {false, true}) {
                            // a spinning queue needs a CPU per waiter: two platform readers, no herd
                            all.add(new Composition(ring, wq, poll, read, wq.sleeps() ? 4 : 2, exclusive, false));
                            if (wq.sleeps()) {
                                all.add(new Composition(ring, wq, poll, read, 200, exclusive, true));
                            }
                        }
                    }
                }
            }
        }
        Collections.shuffle(all, new Random(seed));
        return List.copyOf(all);
    }

    /** The run's options: the composition, and the load, signals and timeouts the seed picks. */
    private static List<String> variation(Composition c, long seed, long runMillis) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> o = new ArrayList<>(c.options());
        o.addAll(List.of("--duration", runMillis + "ms", "--seed", Long.toString(seed), "--stall", STALL));
        switch (r.nextInt(3)) {
            case 0 -> o.addAll(List.of("--closed-loop", Integer.toString(1 + r.nextInt(8))));
            case 1 -> o.addAll(List.of("--pattern", "poisson", "--rate", (5 + r.nextInt(50)) + "k"));
            default -> o.addAll(List.of("--pattern", "bursts", "--rate", "100k", "--burst",
                    Integer.toString(8 + r.nextInt(120))));
        }
        if (r.nextInt(4) == 0) {
            o.addAll(List.of("--signals", "20"));
        }
        if (r.nextInt(4) == 0) {
            o.addAll(List.of("--timeout", WaitTimeouts.WIDE));
        }
        return o;
    }

    private static int finish(Map<Composition, Tally> tallies, long[] totals, long heapAtStart, Path dir,
                              PrintStream out, boolean interrupted) {
        int width = tallies.keySet().stream().mapToInt(c -> c.name().length()).max().orElse(10);
        out.printf("%-" + width + "s %5s %12s %12s %s%n", "composition", "runs", "samples", "worst stall",
                "failures");
        List<Object> rows = new ArrayList<>();
        for (Map.Entry<Composition, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            if (t.runs == 0 && t.failures.isEmpty()) {
                continue;
            }
            out.printf("%-" + width + "s %5d %,12d %9.1f ms %d%n", e.getKey().name(), t.runs, t.samples,
                    t.worstStallNanos / 1e6, t.failures.size());
            t.failures.forEach(f -> out.println("    FAIL " + f));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("composition", e.getKey().name());
            row.put("runs", t.runs);
            row.put("samples", t.samples);
            row.put("worstStallMs", t.worstStallNanos / 1e6);
            row.put("failures", t.failures);
            rows.add(row);
        }
        long ran = tallies.values().stream().filter(t -> t.runs > 0).count();
        int failures = failures(tallies);
        long heapNow = heapMb();
        out.printf("%,d runs of %d compositions (of %d), %,d samples, %d failures; heap %d MB (at start %d MB)%n",
                totals[0], ran, tallies.size(), totals[1], failures, heapNow, heapAtStart);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("interrupted", interrupted);
        json.put("runs", totals[0]);
        json.put("samples", totals[1]);
        json.put("failures", failures);
        json.put("heapMbAtStart", heapAtStart);
        json.put("heapMbAtEnd", heapNow);
        json.put("compositions", rows);
        Path file = dir.resolve("soak.json");
        boolean written = OutputFolder.write("soak", file, Json.write(json), out);
        if (written) {
            out.println("json: " + file);
        }
        return failures == 0 && written ? 0 : 1;
    }

    private static int failures(Map<Composition, Tally> tallies) {
        return tallies.values().stream().mapToInt(t -> t.failures.size()).sum();
    }

    private static long heapMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static long parseSeed(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed needs a whole number, got '" + s + "'");
        }
    }

    private static String human(long millis) {
        long s = millis / 1000;
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }
}
