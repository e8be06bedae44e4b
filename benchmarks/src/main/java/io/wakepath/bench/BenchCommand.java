package io.wakepath.bench;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Failure;
import io.wakepath.core.OutputFolder;
import io.wakepath.core.Json;
import io.wakepath.core.UsageException;
import io.wakepath.core.VmOptions;
import io.wakepath.poll.PollStrategies;
import io.wakepath.ring.RingThroughput;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.Topology;
import io.wakepath.waitqueue.WaitQueueStrategies;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code wakepath bench [--quick]}: the ring throughput benchmarks (every contender of every topology), the
 * wait-queue benchmarks, the poll benchmarks and the ledger's overhead, in one run, so that the ratios compare numbers measured on the same machine at the same
 * time. Prints medians and ratios; writes {@code summary.json} (ours) and {@code jmh-results.json} (JMH's format).
 */
public final class BenchCommand {
    /**
     * JVM arguments every benchmark fork needs: Agrona 2 reaches into {@code jdk.internal.misc.Unsafe}, and on JDK 24+
     * JCTools' and Agrona's use of {@code sun.misc.Unsafe} prints a warning per fork unless allowed.
     */
    static List<String> forkJvmArgs() {
        List<String> args = new ArrayList<>(List.of(RingThroughput.AGRONA_EXPORTS));
        if (Runtime.version().feature() >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
    }
    static final String BASELINE = Peer.ARRAY_BLOCKING_QUEUE.id();

    /** A family of benchmarks: its name on the command line, its key in summary.json, and how it runs. */
    record Family(String name, String summaryKey, FamilyRun runner) {
    }

    @FunctionalInterface
    interface FamilyRun {
        /** Runs the family, adds its rows; @return whether a benchmark failed */
        boolean run(Settings settings, Pattern only, int cpus, List<RunResult> jmhResults,
                    List<Map<String, Object>> rows, PrintStream out);
    }

    /** The families, in the order they run: the one list of them. */
    static final List<Family> FAMILIES = List.of(
            new Family("rings", "ringThroughput", RingBench::run),
            new Family("waitqueues", "waitQueues", (s, only, cpus, jmh, rows, out) -> WaitQueueBench.run(s, only, jmh,
                    rows, out)),
            new Family("poll", "poll", (s, only, cpus, jmh, rows, out) -> PollBench.run(s, only, jmh, rows, out)),
            new Family("ledger", "ledger", (s, only, cpus, jmh, rows, out) -> LedgerBench.run(s, jmh, rows, out)));

    static final CommandLine OPTIONS = new CommandLine("bench",
            "JMH throughput of every ring against JCTools, Agrona, the Disruptor and ArrayBlockingQueue, with ratios")
            .flag("--quick", "rings: 3 interleaved rounds of 2 + 3 x 0.4 s iterations per contender; the rest: 1 fork "
                    + "of 2 + 4 x 1 s (under 10 minutes in all); default: 5 rounds of 3 + 5 x 1 s, 2 forks of 5 + 8 x 1 s")
            .option("--only", "REGEX", "only our strategies whose id matches (the peers always run, for the ratios)")
            .option("--family", "NAME", "only this family: " + String.join(", ", FAMILIES.stream().map(Family::name)
                    .toList()) + " (may be repeated)")
            .option("--jvm-arg", "ARG", "one more argument for every benchmark JVM, e.g. -XX:-UseCompressedOops "
                    + "(may be repeated; printed with the results)")
            .option("--out", "DIR", "where the JSON goes (default target/wakepath/bench)");

    /**
     * How long each benchmark runs. Every family but the rings: {@code forks} forks of {@code warmups} +
     * {@code iterations} one-second iterations. The rings: {@code rounds} interleaved rounds, one fork per contender
     * per round, of {@code roundWarmups} + {@code roundIterations} iterations of {@code roundMillis} each.
     */
    record Settings(String mode, int forks, int warmups, int iterations, int rounds, int roundWarmups,
                    int roundIterations, int roundMillis, List<String> userJvmArgs) {
        static final Settings QUICK = new Settings("quick", 1, 2, 4, 3, 2, 3, 400, List.of());
        static final Settings FULL = new Settings("full", 2, 5, 8, 5, 3, 5, 1000, List.of());

        /** The same, with the user's {@code --jvm-arg}s added to every fork. */
        Settings withUserJvmArgs(List<String> args) {
            return new Settings(mode, forks, warmups, iterations, rounds, roundWarmups, roundIterations, roundMillis,
                    List.copyOf(args));
        }

        /** What the output says of the user's {@code --jvm-arg}s: "" when there are none. */
        String userJvmArgsNote() {
            return userJvmArgs.isEmpty() ? "" : "; every fork with " + String.join(" ", userJvmArgs);
        }

        /** Every fork's JVM arguments: the ones the peers need, then the user's. */
        private List<String> jvmArgs() {
            List<String> args = forkJvmArgs();
            args.addAll(userJvmArgs);
            return args;
        }

        /** The common options of every run: forks, iterations of 1 s, silence, the forks' JVM arguments. */
        ChainedOptionsBuilder options() {
            return builder(forks, warmups, iterations, TimeValue.seconds(1), jvmArgs());
        }

        /** One round of one ring contender: a single fork; {@code pin} asks it to pin its benchmark threads. */
        ChainedOptionsBuilder roundOptions(boolean pin) {
            List<String> jvmArgs = jvmArgs();
            if (pin) {
                jvmArgs.add("-D" + Placement.PROPERTY + "=true");
            }
            return builder(1, roundWarmups, roundIterations, TimeValue.milliseconds(roundMillis), jvmArgs);
        }

        private static ChainedOptionsBuilder builder(int forks, int warmups, int iterations, TimeValue time,
                                                     List<String> jvmArgs) {
            return new OptionsBuilder()
                    .forks(forks)
                    .warmupIterations(warmups)
                    .warmupTime(time)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT)
                    .jvmArgsAppend(jvmArgs.toArray(String[]::new));
        }
    }

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.exit("bench", args, () -> run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException {
        CommandLine.Parsed parsed = OPTIONS.parse(args);
        if (parsed.helpRequested()) {
            OPTIONS.printHelp(out);
            return 0;
        }
        Settings settings = (parsed.has("--quick") ? Settings.QUICK : Settings.FULL)
                .withUserJvmArgs(VmOptions.checked(forkJvmArgs(), parsed.values("--jvm-arg")));
        Pattern only = compile(parsed.value("--only").orElse(""));
        Path outDir = OutputFolder.prepare("--out", outDir(parsed));
        int cpus = Runtime.getRuntime().availableProcessors();

        List<String> names = parsed.values("--family");
        for (String name : names) {
            if (FAMILIES.stream().noneMatch(f -> f.name().equals(name))) {
                throw new UsageException("unknown family '" + name + "' (known: " + String.join(", ",
                        FAMILIES.stream().map(Family::name).toList()) + ")");
            }
        }
        List<RunResult> jmhResults = new ArrayList<>();
        Map<String, Object> summary = summaryJson(settings, cpus);
        out.printf("wakepath bench (%s): %d CPUs (%s), JDK %s%s%n", settings.mode(), cpus, summary.get("cpu"),
                Runtime.version(), settings.userJvmArgsNote());
        boolean failed = false;
        for (Family family : FAMILIES) {
            if (names.isEmpty() || names.contains(family.name())) {
                List<Map<String, Object>> rows = new ArrayList<>();
                failed |= family.runner().run(settings, only, cpus, jmhResults, rows, out);
                summary.put(family.summaryKey(), rows);
            }
        }
        Path summaryFile = outDir.resolve("summary.json");
        Path jmhJson = outDir.resolve("jmh-results.json");
        boolean written = OutputFolder.write("bench", summaryFile, Json.write(summary), out);
        try {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, jmhJson.toString()).writeOut(jmhResults);
        } catch (RuntimeException e) {
            System.err.println("wakepath bench: could not write " + jmhJson + ": " + Failure.of(e));
            written = false;
        }
        if (written) {
            out.println("results: " + summaryFile);
            out.println("         " + jmhJson);
        }
        return failed || !written ? 1 : 0;
    }

    /** Our strategies that match {@code only}, then every peer of the topology. */
    static List<String> contenders(Topology topology, Pattern only) {
        List<String> ids = new ArrayList<>();
        for (String id : BenchQueues.ids(topology)) {
            if (BenchQueues.peer(id).isPresent() || only.matcher(id).find()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** {producers, consumers}: one each on small machines; more where there are CPUs for them. */
    static int[] threadGroups(Topology topology, int cpus) {
        return switch (topology) {
            case SPSC -> new int[] {1, 1};
            case MPSC -> cpus >= 4 ? new int[] {Math.min(cpus - 1, 3), 1} : new int[] {1, 1};
            case MPMC -> cpus >= 4 ? new int[] {2, 2} : new int[] {1, 1};
            case SPMC -> throw new IllegalArgumentException("no ring benchmark for SPMC (see BenchQueues.TOPOLOGIES)");
        };
    }

    private static Map<String, Object> summaryJson(Settings settings, int cpus) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "bench");
        json.put("mode", settings.mode());
        json.put("date", Instant.now().toString());
        json.put("jdk", Runtime.version().toString());
        json.put("cpus", cpus);
        json.put("cpu", CpuModel.name());
        json.put("jvmArgs", settings.userJvmArgs());
        return json;
    }

    private static Path outDir(CommandLine.Parsed parsed) {
        if (parsed.has("--out")) {
            return Path.of(parsed.value("--out").get()).toAbsolutePath();
        }
        return Path.of(System.getProperty("wakepath.root", "."), "target", "wakepath", "bench").toAbsolutePath();
    }

    private static Pattern compile(String regex) {
        try {
            Pattern pattern = Pattern.compile(regex);
            if (RingStrategies.REGISTRY.all().stream().noneMatch(s -> pattern.matcher(s.id()).find())
                    && WaitQueueStrategies.REGISTRY.all().stream().noneMatch(s -> pattern.matcher(s.id()).find())
                    && PollStrategies.REGISTRY.all().stream().noneMatch(s -> pattern.matcher(s.id()).find())) {
                throw new UsageException("no strategy id matches --only " + regex + " (see: wakepath list)");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new UsageException("--only is not a valid regular expression: " + e.getDescription());
        }
    }
}
