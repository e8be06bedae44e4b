package io.wakepath.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A performance goal, judged from the scenarios of one run (ratios to floors and peers measured in the same run, never
 * to a number from elsewhere).
 *
 * @param name     what is claimed
 * @param measured what was measured, in words and numbers
 * @param met      whether the run meets it; null when a scenario it needs is missing
 */
record Goal(String name, String measured, Boolean met) {

    static List<Goal> evaluate(List<LatencyResult> results) {
        List<Goal> goals = new ArrayList<>();
        Optional<LatencyResult> park = find(results, "floor-park-unpark");
        Optional<LatencyResult> spin = find(results, "floor-busy-spin");
        Optional<LatencyResult> abq = find(results, "peer-array-blocking-queue");
        Optional<LatencyResult> best = results.stream()
                .filter(r -> r.group().equals("waitqueue") && r.idleCpuPercent() < 50
                        && !r.name().equals("waitqueue-spin-then-park"))
                .min((a, b) -> Double.compare(a.p50(), b.p50()));
        if (park.isPresent() && abq.isPresent() && best.isPresent()) {
            double toFloor = best.get().p50() / park.get().p50();
            double toAbq = best.get().p50() / abq.get().p50();
            goals.add(new Goal("best blocking wait queue: p50 <= 1.5x the park/unpark floor, and not slower than "
                    + "ArrayBlockingQueue", String.format("%s p50 %.1f us = %.2fx the floor (%.1f us), %.2fx "
                    + "ArrayBlockingQueue (%.1f us)", best.get().name(), best.get().p50() / 1e3, toFloor,
                    park.get().p50() / 1e3, toAbq, abq.get().p50() / 1e3), toFloor <= 1.5 && toAbq <= 1.0));
        } else {
            goals.add(new Goal("best blocking wait queue vs park/unpark and ArrayBlockingQueue", "not measured", null));
        }
        Optional<LatencyResult> stp = find(results, "waitqueue-spin-then-park");
        if (stp.isPresent() && spin.isPresent()) {
            double ratio = stp.get().p50() / spin.get().p50();
            goals.add(new Goal("spin-then-park: p50 <= 2x the busy-spin floor, idle CPU <= 5% of one core",
                    String.format("p50 %.1f us = %.2fx the busy-spin floor (%.1f us); idle CPU %.1f%%",
                            stp.get().p50() / 1e3, ratio, spin.get().p50() / 1e3, stp.get().idleCpuPercent()),
                    ratio <= 2 && stp.get().idleCpuPercent() <= 5));
        } else {
            goals.add(new Goal("spin-then-park vs busy-spin", "not measured", null));
        }
        Optional<LatencyResult> one = find(results, "herd-exclusive-1");
        Optional<LatencyResult> thousand = find(results, "herd-exclusive-1000v");
        if (one.isPresent() && thousand.isPresent()) {
            double ratio = thousand.get().p99() / one.get().p99();
            goals.add(new Goal("exclusive wake with 1,000 readers: <= 1.1 wakes per event, p99 <= 3x the 1-reader p99",
                    String.format("%.2f wakes per event; p99 %.1f us = %.2fx the 1-reader p99 (%.1f us)",
                            thousand.get().wakesPerEvent(), thousand.get().p99() / 1e3, ratio, one.get().p99() / 1e3),
                    thousand.get().wakesPerEvent() <= 1.1 && ratio <= 3));
        } else {
            goals.add(new Goal("exclusive wake with 1,000 readers", "not measured", null));
        }
        return goals;
    }

    private static Optional<LatencyResult> find(List<LatencyResult> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("goal", name);
        m.put("measured", measured);
        m.put("met", met);
        return m;
    }

    @Override
    public String toString() {
        return (met == null ? "n/a " : met ? "MET " : "NOT MET ") + name + ": " + measured;
    }
}
