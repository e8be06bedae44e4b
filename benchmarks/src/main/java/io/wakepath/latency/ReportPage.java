package io.wakepath.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.wakepath.latency.Svg.esc;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched, so that it works offline,
 * prints, and can be mailed as it is. The raw histograms sit beside it and are linked.
 */
final class ReportPage {
    /**
     * Changes smaller than these ratios are within the run-to-run noise measured here: two quick runs of the same tree
     * on a shared 2-CPU box differed by up to 2.04x at p50 (a sub-microsecond spin) and 4.9x at p99 (4,000 samples per
     * scenario), so {@code --compare} flags only what goes beyond them.
     */
    static final double NOISE_P50 = 2.5;
    static final double NOISE_P99 = 5;

    private ReportPage() {
    }

    static String render(Environment env, List<LatencyResult> results, List<Goal> goals, Object verdicts,
                         Map<String, Object> previous, boolean full) {
        StringBuilder h = new StringBuilder();
        h.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>wakepath latency report</title>
                <style>
                body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
                h1{margin-bottom:.2em} h2{margin-top:2em;border-bottom:1px solid #ddd}
                table{border-collapse:collapse;margin:.6em 0;font-size:13px} td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}
                th{background:#f4f4f4} td.l,th.l{text-align:left} .met{color:#080;font-weight:bold} .notmet{color:#b00;font-weight:bold}
                .bad{background:#fdd} .good{background:#dfd} .muted{color:#777} svg.chart{max-width:100%;height:auto}
                code{background:#f4f4f4;padding:0 3px}
                </style></head><body>
                """);
        h.append("<h1>wakepath latency report</h1>\n<p class=\"muted\">From a hardware event to a reader returning "
                + "with it, by synchronization strategy; the floors and peers measured in the same run. Mode: "
                + (full ? "full" : "quick") + ".</p>\n");

        h.append("<h2 id=\"environment\">Environment</h2>\n<table class=\"env\">");
        env.toMap().forEach((k, v) -> h.append("<tr><th class=\"l\">").append(esc(k)).append("</th><td class=\"l\">")
                .append(esc(String.valueOf(v))).append("</td></tr>"));
        h.append("</table>\n");

        h.append("<h2 id=\"goals\">Goals</h2>\n<table class=\"goals\"><tr><th class=\"l\">goal</th>"
                + "<th class=\"l\">measured in this run</th><th>verdict</th></tr>\n");
        for (Goal g : goals) {
            h.append("<tr><td class=\"l\">").append(esc(g.name())).append("</td><td class=\"l\">")
                    .append(esc(g.measured())).append("</td><td class=\"")
                    .append(g.met() == null ? "muted\">n/a" : g.met() ? "met\">MET" : "notmet\">NOT MET")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        verdictSection(h, verdicts);

        List<LatencyResult> handoffs = results.stream().filter(r -> List.of("floor", "peer", "waitqueue")
                .contains(r.group())).toList();
        section(h, "handoffs", "Hand-offs: floors, peers and every wait queue",
                "A producer hands an event to a sleeping consumer (Poisson arrivals, 2,000 a second: every event finds "
                        + "it asleep). Floors: busy-spin (never sleeps) and raw park/unpark (one sleep, one wake). "
                        + "Wait queues: a kfifo ring and the wait queue, as a driver's blocking read.",
                handoffs, results);
        section(h, "chain", "The whole chain, by read mode",
                "Device -> IRQ controller -> hard handler -> ring -> wait queue -> read / poll / epoll, one reader. "
                        + "Latency from the hardware receiving the sample.",
                results.stream().filter(r -> r.group().equals("chain")).toList(), results);
        section(h, "compositions", "Compositions",
                "The chain with each correct strategy at one link, the other links the reference ones (mpmc-sequence "
                        + "ring, kernel-style wait queue, locked ready list): what a strategy costs end to end.",
                results.stream().filter(r -> r.group().equals("composition")).toList(), results);
        List<LatencyResult> herd = results.stream().filter(r -> r.group().startsWith("herd")).toList();
        section(h, "herd", "Herd scaling", "Blocking readers on one device: exclusive waits (a wake wakes one "
                + "reader) against non-exclusive ones (a wake wakes them all).", herd, results);
        if (!herd.isEmpty()) {
            h.append(herdCharts(herd));
        }
        if (previous != null) {
            compareSection(h, env, results, previous);
        }
        h.append("<h2 id=\"files\">Files</h2>\n<p>Every histogram, raw and corrected: <code>NAME.hgrm</code> "
                + "(percentile distribution, microseconds), <code>NAME-corrected.hgrm</code>, <code>NAME.hlog</code> "
                + "(HdrHistogram log, both, nanoseconds); all numbers in <a href=\"results.json\">results.json</a>.</p>"
                + "\n<ul class=\"files\">");
        for (LatencyResult r : results) {
            h.append("<li>").append(esc(r.name())).append(": <a href=\"").append(esc(r.name())).append(".hgrm\">raw"
                    + "</a> <a href=\"").append(esc(r.name())).append("-corrected.hgrm\">corrected</a> <a href=\"")
                    .append(esc(r.name())).append(".hlog\">hlog</a></li>");
        }
        h.append("</ul>\n<p class=\"muted\">Raw latency counts from the moment the event was actually raised; "
                + "corrected counts from its due time on the open-loop schedule (coordinated omission: a source held "
                + "up by the machine it measures would otherwise hide that wait). CPU per event: the consumer's CPU "
                + "time and the producer's time in send (hand-offs) or the whole process's CPU time (chain), divided "
                + "by events. Idle CPU: the "
                + "consumer's CPU while nothing arrives, percent of one core.</p>\n</body></html>\n");
        return h.toString();
    }

    @SuppressWarnings("unchecked")
    private static void verdictSection(StringBuilder h, Object verdicts) {
        h.append("<h2 id=\"verdicts\">Correctness verdicts</h2>\n");
        if (!(verdicts instanceof Map<?, ?> v) || !(v.get("strategies") instanceof List<?> rows)) {
            h.append("<p class=\"muted\">No verdicts in this report (run through <code>./wakepath report</code>, which "
                    + "runs <code>check --quick</code> first).</p>\n");
            return;
        }
        h.append("<p>From <code>wakepath check</code> (").append(esc(String.valueOf(v.get("preset"))))
                .append("): every strategy through the jcstress litmus tests, the model checks and the many-reader "
                        + "chain stress. Correct strategies must be clean, broken ones caught.</p>\n"
                        + "<table class=\"verdicts\"><tr><th class=\"l\">layer</th><th class=\"l\">strategy</th>"
                        + "<th class=\"l\">kind</th><th>runs</th><th>caught</th><th class=\"l\">verdict</th></tr>\n");
        for (Object o : rows) {
            Map<String, Object> row = (Map<String, Object>) o;
            List<Object> tests = (List<Object>) row.getOrDefault("tests", List.of());
            long caught = tests.stream().filter(t -> "FAILED".equals(((Map<String, Object>) t).get("status"))).count();
            boolean expected = Boolean.TRUE.equals(row.get("asExpected"));
            Object html = row.get("jcstressReport");
            h.append("<tr class=\"").append(expected ? "" : "bad").append("\"><td class=\"l\">")
                    .append(esc(String.valueOf(row.get("layer")))).append("</td><td class=\"l\">")
                    .append(html != null ? "<a href=\"file://" + esc(html.toString()) + "\">" : "")
                    .append(esc(String.valueOf(row.get("id")))).append(html != null ? "</a>" : "")
                    .append("</td><td class=\"l\">").append(Boolean.TRUE.equals(row.get("correct")) ? "correct"
                            : "broken: " + esc(String.valueOf(row.get("bugClass"))))
                    .append("</td><td>").append(tests.size()).append("</td><td>").append(caught)
                    .append("</td><td class=\"l\">").append(esc(String.valueOf(row.get("verdict"))))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void section(StringBuilder h, String id, String title, String about, List<LatencyResult> rows,
                                List<LatencyResult> all) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"").append(id).append("\">").append(esc(title)).append("</h2>\n<p>").append(esc(about))
                .append("</p>\n");
        List<Svg.Series> series = new ArrayList<>();
        for (LatencyResult r : rows) {
            series.add(Svg.spectrum(r.name(), r.raw()));
        }
        h.append(Svg.spectrumChart(title + ": percentile spectrum (raw)", series));
        Optional<LatencyResult> park = all.stream().filter(r -> r.name().equals("floor-park-unpark")).findFirst();
        Optional<LatencyResult> spin = all.stream().filter(r -> r.name().equals("floor-busy-spin")).findFirst();
        h.append("<table class=\"latency\" data-section=\"").append(id).append("\"><tr><th class=\"l\">scenario</th>");
        for (String p : Percentiles.NAMES) {
            h.append("<th>").append(p).append(" us</th>");
        }
        h.append("<th>corrected p50</th><th>corrected p99</th><th>count</th><th>CPU/event us</th><th>idle CPU</th>"
                + "<th>wakes/event</th><th>p50 / park floor</th><th>p50 / busy-spin</th></tr>\n");
        for (LatencyResult r : rows) {
            Map<String, Object> raw = Percentiles.of(r.raw());
            Map<String, Object> cor = Percentiles.of(r.corrected());
            h.append("<tr><td class=\"l\" title=\"").append(esc(r.description())).append("\">").append(esc(r.name()))
                    .append("</td>");
            for (String p : Percentiles.NAMES) {
                h.append("<td>").append(num((Double) raw.get(p))).append("</td>");
            }
            h.append("<td>").append(num((Double) cor.get("p50"))).append("</td><td>").append(num((Double) cor.get("p99")))
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", r.events())).append("</td><td>")
                    .append(num(r.cpuPerEventNanos() / 1e3)).append("</td><td>")
                    .append(Double.isNaN(r.idleCpuPercent()) ? "-" : String.format(Locale.ROOT, "%.1f%%",
                            r.idleCpuPercent())).append("</td><td>")
                    .append(Double.isNaN(r.wakesPerEvent()) ? "-" : String.format(Locale.ROOT, "%.2f",
                            r.wakesPerEvent())).append("</td><td>")
                    .append(park.map(f -> ratio(r.p50() / f.p50())).orElse("-")).append("</td><td>")
                    .append(spin.map(f -> ratio(r.p50() / f.p50())).orElse("-")).append("</td></tr>\n");
        }
        h.append("</table>\n");
        hopTable(h, rows);
    }

    /** Where the time goes along the chain: the ledger's hops, p50 and p99, per scenario that has them. */
    private static void hopTable(StringBuilder h, List<LatencyResult> rows) {
        List<LatencyResult> chained = rows.stream().filter(r -> !r.hops().isEmpty()).toList();
        if (chained.isEmpty()) {
            return;
        }
        List<String> hops = new ArrayList<>(chained.get(0).hops().keySet());
        h.append("<table class=\"hops\"><tr><th class=\"l\">per hop, p50 / p99 us</th>");
        hops.forEach(hop -> h.append("<th>").append(esc(hop)).append("</th>"));
        h.append("</tr>\n");
        for (LatencyResult r : chained) {
            h.append("<tr><td class=\"l\">").append(esc(r.name())).append("</td>");
            for (String hop : hops) {
                org.HdrHistogram.Histogram x = r.hops().get(hop);
                h.append("<td>").append(x == null || x.getTotalCount() == 0 ? "-"
                        : num(x.getValueAtPercentile(50) / 1e3) + " / " + num(x.getValueAtPercentile(99) / 1e3))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static String herdCharts(List<LatencyResult> herd) {
        List<Svg.Series> p99 = new ArrayList<>();
        List<Svg.Series> wakes = new ArrayList<>();
        for (String group : List.of("herd-exclusive", "herd-all")) {
            List<double[]> latency = new ArrayList<>();
            List<double[]> wake = new ArrayList<>();
            for (LatencyResult r : herd) {
                if (r.group().equals(group)) {
                    double x = Math.log10(r.readers());
                    latency.add(new double[] {x, Math.log10(Math.max(1, r.p99()) / 1e3)});
                    wake.add(new double[] {x, Math.log10(Math.max(0.01, r.wakesPerEvent()))});
                }
            }
            String name = group.equals("herd-exclusive") ? "exclusive" : "non-exclusive";
            p99.add(new Svg.Series(name, latency));
            wakes.add(new Svg.Series(name, wake));
        }
        return Svg.scalingChart("Herd scaling: p99 latency against readers", "p99 latency (us)", p99)
                + Svg.scalingChart("Herd scaling: waiters woken per event against readers", "wakes per event", wakes);
    }

    @SuppressWarnings("unchecked")
    private static void compareSection(StringBuilder h, Environment env, List<LatencyResult> results,
                                       Map<String, Object> previous) {
        Map<String, Object> earlier = (Map<String, Object>) previous.getOrDefault("environment", Map.of());
        Object cpuBefore = earlier.get("cpu");
        h.append("<h2 id=\"compare\">Compared with an earlier run</h2>\n<p>Earlier run: ")
                .append(esc(String.valueOf(earlier.get("revision")))).append(", ")
                .append(esc(String.valueOf(earlier.get("date"))))
                .append(cpuBefore == null || cpuBefore.equals(env.cpu()) ? ""
                        : ", <strong>on another CPU</strong> (" + esc(String.valueOf(cpuBefore)) + ", this run "
                        + esc(env.cpu()) + "): the changes below are the machine's as much as the tree's")
                .append(". A change is flagged when p50 moved by more than ")
                .append(NOISE_P50).append("x or p99 by more than ").append(NOISE_P99)
                .append("x: below that, two runs of the same tree on this kind of machine differ as much.</p>\n")
                .append("<table class=\"compare\"><tr><th class=\"l\">scenario</th><th>p50 before</th><th>p50 now</th>"
                        + "<th>ratio</th><th>p99 before</th><th>p99 now</th><th>ratio</th><th class=\"l\">change"
                        + "</th></tr>\n");
        for (Object o : (List<Object>) previous.get("scenarios")) {
            Map<String, Object> before = (Map<String, Object>) o;
            String name = String.valueOf(before.get("name"));
            Optional<LatencyResult> now = results.stream().filter(r -> r.name().equals(name)).findFirst();
            Map<String, Object> raw = (Map<String, Object>) before.get("rawMicros");
            if (now.isEmpty() || raw == null) {
                continue;
            }
            double b50 = ((Number) raw.get("p50")).doubleValue();
            double b99 = ((Number) raw.get("p99")).doubleValue();
            double n50 = now.get().p50() / 1e3;
            double n99 = now.get().p99() / 1e3;
            String change = change(n50 / b50, NOISE_P50, "p50") + change(n99 / b99, NOISE_P99, "p99");
            h.append("<tr class=\"").append(change.contains("slower") ? "bad" : change.isEmpty() ? "" : "good")
                    .append("\"><td class=\"l\">").append(esc(name)).append("</td><td>").append(num(b50))
                    .append("</td><td>").append(num(n50)).append("</td><td>").append(ratio(n50 / b50))
                    .append("</td><td>").append(num(b99)).append("</td><td>").append(num(n99)).append("</td><td>")
                    .append(ratio(n99 / b99)).append("</td><td class=\"l\">")
                    .append(change.isEmpty() ? "within noise" : esc(change.trim())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Words for a ratio beyond the noise, or nothing. */
    static String change(double ratio, double noise, String what) {
        if (ratio > noise) {
            return what + " slower ";
        }
        if (ratio < 1 / noise) {
            return what + " faster ";
        }
        return "";
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
