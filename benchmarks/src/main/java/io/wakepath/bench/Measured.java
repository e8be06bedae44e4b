package io.wakepath.bench;

import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.Topology;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.List;

/**
 * One contender's measured throughput: medians over every measurement iteration of every fork (a shared 2-CPU
 * machine is noisy; a median resists the outliers a mean absorbs).
 *
 * @param transfers     events moved per second ({@code pollsMade})
 * @param offersFailed  offers refused per second (full)
 * @param pollsFailed   polls that found nothing per second (empty)
 * @param iterations    per-iteration transfers, for the record
 */
record Measured(Topology topology, String id, double transfers, double offersFailed, double pollsFailed,
                List<Double> iterations) {

    static Measured of(Topology topology, String id, RunResult result) {
        return new Measured(topology, id, median(perIteration(result, "pollsMade")),
                median(perIteration(result, "offersFailed")), median(perIteration(result, "pollsFailed")),
                perIteration(result, "pollsMade"));
    }

    boolean peer() {
        return BenchQueues.peer(id).isPresent();
    }

    /** Ours and correct (a broken strategy's speed is shown, never counted as "our best"). */
    boolean oursAndCorrect() {
        return !peer() && RingStrategies.REGISTRY.byId(id).correct();
    }

    static List<Double> perIteration(RunResult result, String counter) {
        return result.getBenchmarkResults().stream()
                .flatMap(b -> b.getIterationResults().stream())
                .map(IterationResult::getSecondaryResults)
                .map(secondary -> secondary.get(counter))
                .filter(r -> r != null)
                .map(Result::getScore)
                .toList();
    }

    /** The median of a run's measurement iterations (primary score). */
    static double primaryMedian(org.openjdk.jmh.results.RunResult result) {
        return median(result.getBenchmarkResults().stream()
                .flatMap(b -> b.getIterationResults().stream())
                .map(IterationResult::getPrimaryResult)
                .map(Result::getScore)
                .toList());
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String mega(double perSecond) {
        return String.format("%.1f M", perSecond / 1e6);
    }
}
