package io.wakepath.bench;

import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.Topology;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One topology's results: medians, and every contender as a ratio to the best peer and to the JUC baseline. */
final class RatioTable {
    private RatioTable() {
    }

    static Map<String, Object> print(Topology topology, int[] threads, List<Measured> all, int iterations,
                                     PrintStream out) {
        Optional<Measured> bestPeer = all.stream().filter(Measured::peer)
                .max(Comparator.comparingDouble(Measured::transfers));
        Optional<Measured> baseline = all.stream().filter(m -> m.id().equals(BenchCommand.BASELINE)).findFirst();
        out.printf("%n%s: %d producer(s), %d consumer(s); median of %d x 1 s iterations per fork%n", topology,
                threads[0], threads[1], iterations);
        out.printf("  %-34s %14s %16s %15s %12s %9s%n", "contender", "transfers/s", "offers failed/s",
                "polls failed/s", "vs best peer", "vs ABQ");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Measured m : all) {
            String label = m.id() + (m.peer() ? " (peer)" : RingStrategies.REGISTRY.byId(m.id()).correct() ? "" : " (BROKEN)");
            out.printf("  %-34s %14s %16s %15s %12s %9s%n", label, Measured.mega(m.transfers()),
                    Measured.mega(m.offersFailed()), Measured.mega(m.pollsFailed()),
                    ratio(m, bestPeer), ratio(m, baseline));
            rows.add(row(m, all));
        }
        bestPeer.ifPresent(p -> out.printf("  best peer: %s (%s/s)%n", p.id(), Measured.mega(p.transfers())));
        Optional<Measured> bestOurs = all.stream().filter(Measured::oursAndCorrect)
                .max(Comparator.comparingDouble(Measured::transfers));
        bestOurs.ifPresent(ours -> {
            StringBuilder line = new StringBuilder("  best of ours: " + ours.id() + " =");
            all.stream().filter(Measured::peer).forEach(p -> line.append(String.format(" %.2fx %s,",
                    ours.transfers() / p.transfers(), p.id())));
            out.println(line.substring(0, line.length() - 1));
        });

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topology", topology.name());
        json.put("metric", "events moved per second (pollsMade), median of measurement iterations");
        json.put("producers", threads[0]);
        json.put("consumers", threads[1]);
        json.put("bestPeer", bestPeer.map(Measured::id).orElse(null));
        json.put("bestOfOurs", bestOurs.map(Measured::id).orElse(null));
        json.put("contenders", rows);
        return json;
    }

    private static String ratio(Measured m, Optional<Measured> against) {
        return against.map(a -> String.format("%.2fx", m.transfers() / a.transfers())).orElse("-");
    }

    private static Map<String, Object> row(Measured m, List<Measured> all) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("kind", m.peer() ? "peer" : "ours");
        row.put("correct", m.peer() || RingStrategies.REGISTRY.byId(m.id()).correct());
        row.put("transfersPerSecond", m.transfers());
        row.put("offersFailedPerSecond", m.offersFailed());
        row.put("pollsFailedPerSecond", m.pollsFailed());
        row.put("iterationTransfersPerSecond", m.iterations());
        Map<String, Object> ratios = new LinkedHashMap<>();
        all.stream().filter(Measured::peer).forEach(p -> ratios.put(p.id(), m.transfers() / p.transfers()));
        row.put("ratioToPeer", ratios);
        return row;
    }
}
