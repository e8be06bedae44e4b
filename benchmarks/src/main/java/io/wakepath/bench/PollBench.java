package io.wakepath.bench;

import io.wakepath.poll.EpollDeliveryCost;
import io.wakepath.poll.PollCost;
import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The poll part of {@code wakepath bench}: per strategy, a poll(2) call over 1, 16 and 256 pollables
 * ({@link PollCost}) and epoll delivery throughput, level- against edge-triggered ({@link EpollDeliveryCost}).
 */
final class PollBench {
    private static final String[] POLLABLES = {"1", "16", "256"};
    private static final String[] TRIGGERS = {"LT", "ET"};

    private PollBench() {
    }

    static boolean run(BenchCommand.Settings settings, Pattern only, List<RunResult> jmhResults,
                       List<Map<String, Object>> json, PrintStream out) {
        List<PollStrategy> strategies = PollStrategies.REGISTRY.all().stream()
                .filter(s -> only.matcher(s.id()).find()).toList();
        boolean failed = false;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            PollStrategy strategy = strategies.get(i);
            out.printf("[%2d/%d] poll %-26s ", i + 1, strategies.size(), strategy.id());
            out.flush();
            try {
                Map<String, Double> cost = medians(runAll(PollCost.class, "pollAllReadyLast", strategy, settings,
                        jmhResults), "pollables");
                Map<String, Double> delivery = medians(runAll(EpollDeliveryCost.class, "pushWaitRead", strategy,
                        settings, jmhResults), "trigger");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", strategy.id());
                row.put("correct", strategy.correct());
                row.put("pollNanosByPollables", cost);
                row.put("epollEventsPerSecondByTrigger", delivery);
                json.add(row);
                String label = strategy.id() + (strategy.correct() ? "" : " (BROKEN)");
                lines.add(String.format("  %-34s %9.0f %9.0f %9.0f %11.2f M %9.2f M", label, cost.get("1"),
                        cost.get("16"), cost.get("256"), delivery.get("LT") / 1e6, delivery.get("ET") / 1e6));
                out.println("done");
            } catch (RunnerException e) {
                failed = true;
                out.println("FAILED: " + e.getMessage());
            }
        }
        out.printf("%nPoll: median of %d x 1 s iterations per fork%n", settings.iterations());
        out.printf("  %-34s %29s %25s%n", "", "poll(2), ns per call over N", "epoll deliveries/s");
        out.printf("  %-34s %9s %9s %9s %13s %11s%n", "strategy", "N=1", "N=16", "N=256", "LT", "ET");
        lines.forEach(out::println);
        return failed;
    }

    private static Collection<RunResult> runAll(Class<?> benchmark, String method, PollStrategy strategy,
                                                BenchCommand.Settings settings, List<RunResult> jmhResults)
            throws RunnerException {
        Collection<RunResult> results = new Runner(settings.options()
                .include(Pattern.quote(benchmark.getName()) + "\\." + method + "$")
                .param(BenchMain.POLL_PARAM, strategy.id())
                .build()).run();
        jmhResults.addAll(results);
        return results;
    }

    /** The median of each run's iterations, by the value of {@code param}. */
    private static Map<String, Double> medians(Collection<RunResult> results, String param) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (RunResult result : results) {
            medians.put(result.getParams().getParam(param), Measured.primaryMedian(result));
        }
        return medians;
    }
}
