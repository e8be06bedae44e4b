package io.wakepath.bench;

import io.wakepath.ring.RingStrategies;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One contender's throughput, round by round: each round is one JMH fork, and its value the median of that fork's
 * measurement iterations. Ratios between contenders are taken round by round (both measured minutes apart at most,
 * in the same rotation) and summarised by their median and spread, so that drift on a shared machine hits both
 * sides of a ratio alike.
 */
final class Measured {
    /**
     * One round of one contender.
     *
     * @param transfers    events moved per second ({@code pollsMade}), median of the fork's iterations
     * @param offersFailed offers refused per second (full)
     * @param pollsFailed  polls that found nothing per second (empty)
     * @param perTake      batch shape: events per consumer call that took something, median of the fork's
     *                     iterations (near {@link BenchQueue#BATCH}: the consumer stays behind the producer; near 1:
     *                     it has caught up and meets the producer on every call); NaN where not counted
     * @param iterations   the fork's per-iteration transfers, for the record
     */
    record Round(double transfers, double offersFailed, double pollsFailed, double perTake, List<Double> iterations) {
        static Round of(RunResult result) {
            List<Double> iterations = perIteration(result, "pollsMade");
            List<Double> takes = perIteration(result, "takesMade");
            List<Double> perTake = new ArrayList<>();
            for (int i = 0; i < Math.min(iterations.size(), takes.size()); i++) {
                if (takes.get(i) > 0) {
                    perTake.add(iterations.get(i) / takes.get(i));
                }
            }
            return new Round(median(iterations), median(perIteration(result, "offersFailed")),
                    median(perIteration(result, "pollsFailed")), median(perTake), iterations);
        }
    }

    /** A median and the spread around it: min and max over the rounds. */
    record Spread(double median, double min, double max, int rounds) {
        static Optional<Spread> of(List<Double> values) {
            if (values.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Spread(Measured.median(values), values.stream().min(Double::compare).get(),
                    values.stream().max(Double::compare).get(), values.size()));
        }

        /** A ratio whose rounds fall on both sides of 1: the two are not told apart by this run. */
        boolean withinNoise() {
            return min <= 1.0 && max >= 1.0;
        }

        String ratio() {
            return String.format("%.2fx (%.2f-%.2f)", median, min, max);
        }
    }

    private final String id;
    /** One entry per round, null where that round's fork failed. */
    private final List<Round> rounds = new ArrayList<>();

    Measured(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    void add(Round round) {
        rounds.add(round);
    }

    List<Round> rounds() {
        return rounds;
    }

    boolean peer() {
        return BenchQueues.peer(id).isPresent();
    }

    /** Ours and correct (a broken strategy's speed is shown, never counted as "our best"). */
    boolean oursAndCorrect() {
        return !peer() && correct();
    }

    boolean correct() {
        return peer() || RingStrategies.REGISTRY.byId(id).correct();
    }

    Optional<Spread> transfers() {
        return Spread.of(measuredRounds(Round::transfers));
    }

    double medianTransfers() {
        return transfers().map(Spread::median).orElse(Double.NaN);
    }

    /** Events per consumer call that took something, over the rounds (the consumer's regime, see {@link Round}). */
    Optional<Spread> perTake() {
        return Spread.of(measuredRounds(Round::perTake).stream().filter(v -> !v.isNaN()).toList());
    }

    double medianOffersFailed() {
        return median(measuredRounds(Round::offersFailed));
    }

    double medianPollsFailed() {
        return median(measuredRounds(Round::pollsFailed));
    }

    /** One value of every round whose fork did not fail. */
    private List<Double> measuredRounds(Function<Round, Double> value) {
        return rounds.stream().filter(r -> r != null).map(value).toList();
    }

    /** This contender's transfers over {@code other}'s, round by round (rounds where both were measured). */
    Optional<Spread> ratioTo(Measured other) {
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < Math.min(rounds.size(), other.rounds.size()); r++) {
            if (rounds.get(r) != null && other.rounds.get(r) != null) {
                ratios.add(rounds.get(r).transfers() / other.rounds.get(r).transfers());
            }
        }
        return Spread.of(ratios);
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
    static double primaryMedian(RunResult result) {
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
