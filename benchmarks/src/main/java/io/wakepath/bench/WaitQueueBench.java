package io.wakepath.bench;

import io.wakepath.waitqueue.WaitQueueHandoff;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;
import io.wakepath.waitqueue.WaitQueueWakeUpCost;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The wait-queue part of {@code wakepath bench}: per strategy, the cost of {@code wakeUp()} with nobody waiting
 * ({@link WaitQueueWakeUpCost}) and of a ping-pong round trip, two wait/wake hand-offs ({@link WaitQueueHandoff}),
 * as medians, with ratios to the kernel-style queue measured in the same run.
 */
final class WaitQueueBench {
    static final String BASELINE = WaitQueueStrategies.REGISTRY.byDefault().id();

    private record Row(WaitQueueStrategy strategy, double wakeUpNanos, double handoffNanos) {
    }

    private WaitQueueBench() {
    }

    static boolean run(BenchCommand.Settings settings, Pattern only, List<RunResult> jmhResults,
                       List<Map<String, Object>> json, PrintStream out) {
        List<WaitQueueStrategy> strategies = WaitQueueStrategies.REGISTRY.all().stream()
                .filter(s -> s.id().equals(BASELINE) || only.matcher(s.id()).find()).toList();
        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < strategies.size(); i++) {
            WaitQueueStrategy strategy = strategies.get(i);
            out.printf("[%2d/%d] waitqueue %-26s ", i + 1, strategies.size(), strategy.id());
            out.flush();
            try {
                double wakeUp = median(runOne(WaitQueueWakeUpCost.class, "wakeUpNobodyWaiting", strategy, settings,
                        jmhResults));
                double handoff = median(runOne(WaitQueueHandoff.class, "pingPong", strategy, settings, jmhResults));
                rows.add(new Row(strategy, wakeUp, handoff));
                out.printf("wakeUp %6.1f ns, round trip %8.1f us%n", wakeUp, handoff / 1000);
            } catch (RunnerException e) {
                failed = true;
                out.println("FAILED: " + e.getMessage());
            }
        }
        print(rows, settings, out, json);
        return failed;
    }

    private static RunResult runOne(Class<?> benchmark, String method, WaitQueueStrategy strategy,
                                    BenchCommand.Settings settings, List<RunResult> jmhResults)
            throws RunnerException {
        RunResult result = new Runner(settings.options()
                .include(Pattern.quote(benchmark.getName()) + "\\." + method + "$")
                .param(BenchMain.WAIT_QUEUE_PARAM, strategy.id())
                .build()).runSingle();
        jmhResults.add(result);
        return result;
    }

    private static double median(RunResult result) {
        return Measured.primaryMedian(result);
    }

    private static void print(List<Row> rows, BenchCommand.Settings settings, PrintStream out,
                              List<Map<String, Object>> json) {
        Optional<Row> baseline = rows.stream().filter(r -> r.strategy().id().equals(BASELINE)).findFirst();
        out.printf("%nWait queues: median of %d x 1 s iterations per fork; ratios to %s%n", settings.iterations(),
                BASELINE);
        out.printf("  %-37s %20s %7s %24s %7s%n", "strategy", "wakeUp, nobody waits", "ratio",
                "round trip (2 hand-offs)", "ratio");
        for (Row row : rows) {
            String label = row.strategy().id() + (row.strategy().correct() ? "" : " (BROKEN)");
            out.printf("  %-37s %17.1f ns %7s %21.1f us %7s%n", label, row.wakeUpNanos(),
                    ratio(row.wakeUpNanos(), baseline.map(Row::wakeUpNanos)), row.handoffNanos() / 1000,
                    ratio(row.handoffNanos(), baseline.map(Row::handoffNanos)));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", row.strategy().id());
            entry.put("correct", row.strategy().correct());
            entry.put("wakeUpNobodyWaitingNanos", row.wakeUpNanos());
            entry.put("roundTripNanos", row.handoffNanos());
            json.add(entry);
        }
        out.println("  (lower is better; a round trip is two hand-offs, each one wake and one return from a wait)");
    }

    private static String ratio(double value, Optional<Double> baseline) {
        return baseline.map(b -> String.format("%.2fx", value / b)).orElse("-");
    }
}
