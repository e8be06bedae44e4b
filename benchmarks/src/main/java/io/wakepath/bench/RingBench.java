package io.wakepath.bench;

import io.wakepath.ring.MpmcRingThroughput;
import io.wakepath.ring.MpscRingThroughput;
import io.wakepath.ring.SpscRingThroughput;
import io.wakepath.ring.Topology;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rings family of {@code wakepath bench}: throughput of every contender of every topology, in two shapes, in
 * interleaved rounds. Each round runs every contender once (one JMH fork each), starting one place further along
 * the list than the round before, so that drift on a shared machine -- another job, a thermal step -- falls on all
 * contenders alike, and every ratio is taken within a round. A contender that several topologies list with the same
 * threads (on 2 CPUs every topology runs one producer and one consumer) is the same benchmark: it is measured once
 * per round and shown in each of those tables.
 */
final class RingBench {
    /** The two consumer shapes: the {@code RingThroughput} group each runs. */
    enum Shape {
        SINGLE("transfer", "one event per call"),
        BATCH("batch", "up to " + BenchQueue.BATCH + " events per call");

        final String group;
        final String description;

        Shape(String group, String description) {
            this.group = group;
            this.description = description;
        }
    }

    /** A benchmark run in every round: a contender, the topology benchmark it runs through, its threads, a shape. */
    record Trial(String id, Topology runsAs, int[] threads, Shape shape) {
        String key() {
            return id + " " + Arrays.toString(threads) + " " + shape;
        }
    }

    /**
     * A goal for our best correct ring of a topology: at least {@code ratio} times a peer's throughput, as the
     * median of per-round ratios ({@code against} empty: the topology's best peer).
     */
    record Goal(Topology topology, Optional<Peer> against, double ratio) {
    }

    static final List<Goal> GOALS = List.of(
            new Goal(Topology.SPSC, Optional.of(Peer.JCTOOLS_SPSC), 1.0),
            new Goal(Topology.MPSC, Optional.empty(), 0.9),
            new Goal(Topology.MPMC, Optional.of(Peer.JCTOOLS_MPMC), 0.9));

    private RingBench() {
    }

    static boolean run(BenchCommand.Settings settings, Pattern only, int cpus, List<RunResult> jmhResults,
                       List<Map<String, Object>> json, PrintStream out) {
        Map<String, Trial> trials = new LinkedHashMap<>();
        for (Shape shape : Shape.values()) {
            for (Topology topology : BenchQueues.TOPOLOGIES) {
                for (String id : BenchCommand.contenders(topology, only)) {
                    Trial trial = new Trial(id, topology, BenchCommand.threadGroups(topology, cpus), shape);
                    trials.putIfAbsent(trial.key(), trial);
                }
            }
        }
        List<Trial> order = new ArrayList<>(trials.values());
        Map<String, Measured> measured = new LinkedHashMap<>();
        order.forEach(t -> measured.put(t.key(), new Measured(t.id())));
        Optional<String> noPin = Placement.unavailableReason();
        out.printf("rings: %d rounds of %d benchmarks (%d contenders x 2 shapes), one fork each, rotated per round; "
                        + "threads %s%n", settings.rounds(), order.size(), order.size() / 2,
                noPin.map(why -> "not pinned (" + why + ")").orElse("pinned one per CPU (taskset)"));
        boolean failed = false;
        int done = 0;
        int total = settings.rounds() * order.size();
        for (int round = 0; round < settings.rounds(); round++) {
            for (int i = 0; i < order.size(); i++) {
                Trial trial = order.get((i + round) % order.size());
                out.printf("[%3d/%d] round %d %-6s %s %-26s ", ++done, total, round + 1, trial.shape(),
                        trial.runsAs(), trial.id());
                out.flush();
                Measured m = measured.get(trial.key());
                try {
                    RunResult result = runOne(trial, settings, noPin.isEmpty());
                    jmhResults.add(result);
                    Measured.Round r = Measured.Round.of(result);
                    m.add(r);
                    out.printf("%10s transfers/s%n", Measured.mega(r.transfers()));
                } catch (RunnerException e) {
                    failed = true;
                    m.add(null);
                    out.println("FAILED: " + e.getMessage());
                }
            }
        }
        List<Map<String, Object>> goals = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            for (Topology topology : BenchQueues.TOPOLOGIES) {
                json.add(RatioTable.print(topology, shape, BenchCommand.threadGroups(topology, cpus),
                        ofTable(measured, topology, shape, only, cpus), settings, out));
            }
        }
        out.printf("%nGoals (our best correct ring; the median of per-round ratios, min-max over %d rounds%s):%n",
                settings.rounds(), settings.userJvmArgsNote());
        for (Shape shape : Shape.values()) {
            for (Goal goal : GOALS) {
                RatioTable.goal(goal, shape, ofTable(measured, goal.topology(), shape, only, cpus), out)
                        .ifPresent(goals::add);
            }
        }
        json.add(Map.of("goals", goals));
        return failed;
    }

    /** The measurements one table shows: the topology's contenders, in its thread groups and shape. */
    private static List<Measured> ofTable(Map<String, Measured> measured, Topology topology, Shape shape,
                                          Pattern only, int cpus) {
        int[] threads = BenchCommand.threadGroups(topology, cpus);
        return BenchCommand.contenders(topology, only).stream()
                .map(id -> measured.get(new Trial(id, topology, threads, shape).key())).toList();
    }

    private static RunResult runOne(Trial trial, BenchCommand.Settings settings, boolean pin) throws RunnerException {
        Class<?> benchmark = switch (trial.runsAs()) {
            case SPSC -> SpscRingThroughput.class;
            case MPSC -> MpscRingThroughput.class;
            case MPMC -> MpmcRingThroughput.class;
            case SPMC -> throw new IllegalArgumentException("no ring benchmark for SPMC (see BenchQueues.TOPOLOGIES)");
        };
        ChainedOptionsBuilder options = settings.roundOptions(pin)
                .include(Pattern.quote(benchmark.getName()) + "\\." + trial.shape().group + "$")
                .param(BenchMain.paramName(trial.runsAs()), trial.id())
                .threadGroups(trial.threads());
        return new Runner(options.build()).runSingle();
    }
}
