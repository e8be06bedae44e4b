package io.wakepath.bench;

import io.wakepath.ring.Topology;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One topology's results in one shape: every contender's median throughput over the rounds, and its ratio to the best
 * peer and to the JUC baseline as the median of per-round ratios with their min-max. A ratio whose rounds fall on
 * both sides of 1 is printed "within noise": this run does not tell the two apart.
 */
final class RatioTable {
    private RatioTable() {
    }

    static Map<String, Object> print(Topology topology, RingBench.Shape shape, int[] threads, List<Measured> all,
                                     BenchCommand.Settings settings, PrintStream out) {
        Optional<Measured> bestPeer = bestPeer(all);
        Optional<Measured> baseline = all.stream().filter(m -> m.id().equals(BenchCommand.BASELINE)).findFirst();
        out.printf("%n%s, %s: %d producer(s), %d consumer(s); %d rounds, each the median of %d x %d ms iterations%n",
                topology, shape.description, threads[0], threads[1], settings.rounds(), settings.roundIterations(),
                settings.roundMillis());
        boolean batch = shape == RingBench.Shape.BATCH;    // one event per call: every take is 1, no column
        out.printf("  %-34s %21s %12s %12s%s %22s %22s%n", "contender", "transfers/s (min-max)", "offers fail",
                "polls fail", perTakeColumn(batch, "per take (min-max)"), "vs best peer", "vs ABQ");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Measured m : all) {
            String label = m.id() + (m.peer() ? " (peer)" : m.correct() ? "" : " (BROKEN)");
            String transfers = m.transfers().map(t -> String.format("%.1f M (%.0f-%.0f)", t.median() / 1e6,
                    t.min() / 1e6, t.max() / 1e6)).orElse("FAILED");
            String perTake = perTakeColumn(batch, m.perTake().map(t -> String.format("%.1f (%.0f-%.0f)",
                    t.median(), t.min(), t.max())).orElse("-"));
            out.printf("  %-34s %21s %12s %12s%s %22s %22s%n", label, transfers, Measured.mega(m.medianOffersFailed()),
                    Measured.mega(m.medianPollsFailed()), perTake, ratio(m, bestPeer), ratio(m, baseline));
            rows.add(row(m, all));
        }
        bestPeer.ifPresent(p -> out.printf("  best peer: %s (%s/s)%n", p.id(), Measured.mega(p.medianTransfers())));
        Optional<Measured> bestOurs = bestOurs(all);
        bestOurs.ifPresent(ours -> {
            List<String> against = new ArrayList<>();
            all.stream().filter(Measured::peer).forEach(p -> ours.ratioTo(p).ifPresent(r -> against.add(
                    r.ratio() + " " + p.id() + (r.withinNoise() ? " (within noise)" : ""))));
            out.println("  best of ours: " + ours.id() + " = " + String.join(", ", against));
        });

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topology", topology.name());
        json.put("shape", shape.name().toLowerCase());
        json.put("metric", "events moved per second (pollsMade): per round the median of the fork's iterations; "
                + "ratios are medians of per-round ratios");
        json.put("producers", threads[0]);
        json.put("consumers", threads[1]);
        json.put("bestPeer", bestPeer.map(Measured::id).orElse(null));
        json.put("bestOfOurs", bestOurs.map(Measured::id).orElse(null));
        json.put("contenders", rows);
        return json;
    }

    /**
     * Prints whether our best correct ring meets {@code goal} in {@code shape}.
     *
     * @return the goal's JSON, empty when either side was not measured (filtered out by --only, or failed)
     */
    static Optional<Map<String, Object>> goal(RingBench.Goal goal, RingBench.Shape shape, List<Measured> all,
                                              PrintStream out) {
        Optional<Measured> ours = bestOurs(all);
        Optional<Measured> peer = goal.against().map(p -> all.stream().filter(m -> m.id().equals(p.id())).findFirst())
                .orElseGet(() -> bestPeer(all));
        Optional<Measured.Spread> measured = ours.flatMap(o -> peer.flatMap(o::ratioTo));
        if (measured.isEmpty()) {
            out.printf("  %-4s %-6s not measured: %s%n", goal.topology(), shape, ours.isEmpty()
                    ? "no correct ring of ours ran here (--only)" : "no round measured both sides");
            return Optional.empty();
        }
        Measured.Spread ratio = measured.get();
        boolean met = ratio.median() >= goal.ratio();
        out.printf("  %-4s %-6s %-22s %-20s of %-26s goal >= %.1fx: %s%n", goal.topology(), shape, ours.get().id(),
                ratio.ratio(), peer.get().id(), goal.ratio(), (met ? "met" : "NOT met")
                        + (ratio.withinNoise() ? " (within noise of 1.0x)" : ""));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topology", goal.topology().name());
        json.put("shape", shape.name().toLowerCase());
        json.put("ours", ours.get().id());
        json.put("peer", peer.get().id());
        json.put("goal", goal.ratio());
        json.put("ratio", spread(ratio));
        json.put("met", met);
        return Optional.of(json);
    }

    private static Optional<Measured> bestPeer(List<Measured> all) {
        return all.stream().filter(Measured::peer).filter(m -> m.transfers().isPresent())
                .max(Comparator.comparingDouble(Measured::medianTransfers));
    }

    private static Optional<Measured> bestOurs(List<Measured> all) {
        return all.stream().filter(Measured::oursAndCorrect).filter(m -> m.transfers().isPresent())
                .max(Comparator.comparingDouble(Measured::medianTransfers));
    }

    private static String ratio(Measured m, Optional<Measured> against) {
        return against.flatMap(m::ratioTo).map(r -> r.ratio() + (r.withinNoise() && m != against.get() ? "~" : " "))
                .orElse("-");
    }

    private static Map<String, Object> spread(Measured.Spread s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("median", s.median());
        json.put("min", s.min());
        json.put("max", s.max());
        json.put("rounds", s.rounds());
        json.put("withinNoise", s.withinNoise());
        return json;
    }

    /** The batch tables' events-per-take column, as wide as its heading; nothing in the single shape's. */
    private static String perTakeColumn(boolean batch, String text) {
        return batch ? String.format(" %18s", text) : "";
    }

    /** One value per round, in round order: null where the fork failed or the value was not counted. */
    private static List<Double> perRound(Measured m, ToDoubleFunction<Measured.Round> value) {
        List<Double> values = new ArrayList<>();
        for (Measured.Round r : m.rounds()) {
            double v = r == null ? Double.NaN : value.applyAsDouble(r);
            values.add(Double.isNaN(v) ? null : v);
        }
        return values;
    }

    private static Map<String, Object> row(Measured m, List<Measured> all) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("kind", m.peer() ? "peer" : "ours");
        row.put("correct", m.correct());
        m.transfers().ifPresent(t -> row.put("transfersPerSecond", spread(t)));
        row.put("offersFailedPerSecond", m.medianOffersFailed());
        row.put("pollsFailedPerSecond", m.medianPollsFailed());
        m.perTake().ifPresent(t -> row.put("eventsPerTake", spread(t)));
        row.put("roundTransfersPerSecond", perRound(m, Measured.Round::transfers));
        row.put("roundOffersFailedPerSecond", perRound(m, Measured.Round::offersFailed));
        row.put("roundPollsFailedPerSecond", perRound(m, Measured.Round::pollsFailed));
        row.put("roundEventsPerTake", perRound(m, Measured.Round::perTake));
        row.put("roundIterations", m.rounds().stream().map(r -> r == null ? null : r.iterations()).toList());
        Map<String, Object> ratios = new LinkedHashMap<>();
        all.stream().filter(Measured::peer).forEach(p -> m.ratioTo(p).ifPresent(r -> ratios.put(p.id(), spread(r))));
        row.put("ratioToPeer", ratios);
        return row;
    }
}
