package io.wakepath.latency;

import io.wakepath.core.Json;
import io.wakepath.irq.EventPattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPageTest {

    private static Histogram around(long micros) {
        Histogram h = LatencyResult.histogram();
        for (int i = 0; i < 1000; i++) {
            h.recordValue(micros * 1000 + i);
        }
        return h;
    }

    private static LatencyResult result(String name, String group, long p50Micros, double idle, double wakes,
                                        int readers) {
        return new LatencyResult(name, group, name, around(p50Micros), around(p50Micros * 2), 1000, 1000, idle, wakes,
                readers);
    }

    private static List<LatencyResult> run(long bestWaitQueueMicros, long spinThenParkMicros, double thousandWakes) {
        List<LatencyResult> r = new ArrayList<>();
        r.add(result("floor-busy-spin", "floor", 1, 100, Double.NaN, 1));
        r.add(result("floor-park-unpark", "floor", 10, 0, Double.NaN, 1));
        r.add(result("peer-array-blocking-queue", "peer", 12, 0, Double.NaN, 1));
        r.add(result("waitqueue-kernel-style", "waitqueue", bestWaitQueueMicros, 0, Double.NaN, 1));
        r.add(result("waitqueue-spin-then-park", "waitqueue", spinThenParkMicros, 1, Double.NaN, 1));
        r.add(result("chain-blocking", "chain", 30, Double.NaN, 0.9, 1));
        r.add(result("herd-exclusive-1", "herd-exclusive", 30, Double.NaN, 0.9, 1));
        r.add(result("herd-exclusive-1000v", "herd-exclusive", 60, Double.NaN, thousandWakes, 1000));
        r.add(result("herd-all-1000v", "herd-all", 90, Double.NaN, 900, 1000));
        return r;
    }

    @Test
    void shouldJudgeGoalsFromRatiosOfTheSameRun() {
        List<Goal> met = Goal.evaluate(run(12, 2, 1.0));
        assertEquals(List.of(true, true, true), met.stream().map(Goal::met).toList(), met.toString());
        List<Goal> notMet = Goal.evaluate(run(20, 5, 2.0));
        assertEquals(List.of(false, false, false), notMet.stream().map(Goal::met).toList(), notMet.toString());
        assertEquals(null, Goal.evaluate(List.of()).get(0).met(), "a goal without its scenarios is not judged");
    }

    @Test
    void shouldRenderASelfContainedPageWithChartsTablesAndVerdicts() {
        List<LatencyResult> results = run(12, 2, 1.0);
        Object verdicts = Json.parse("""
                {"preset": "quick", "strategies": [{"id": "kernel-style", "layer": "waitqueue", "correct": true,
                 "verdict": "clean", "asExpected": true, "tests": [{"test": "t", "status": "OK"}]}]}""");
        String html = ReportPage.render(Environment.now(), results, Goal.evaluate(results), verdicts, null, false);
        assertTrue(html.contains("<table class=\"verdicts\">") && html.contains("kernel-style"));
        assertTrue(html.split("<svg class=\"chart\"", -1).length - 1 >= 4, "spectra and herd charts");
        assertTrue(html.contains("p99.99"), "the nines axis");
        assertFalse(html.contains("<script") || html.contains("http://cdn") || html.contains("https://"),
                "works offline: no script, nothing fetched");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFlagOnlyChangesBeyondTheNoise() {
        List<LatencyResult> before = run(12, 2, 1.0);
        Map<String, Object> previous = (Map<String, Object>) Json.parse(Json.write(
                ReportCommand.toJson(Environment.now(), before, Goal.evaluate(before), false)));
        List<LatencyResult> now = new ArrayList<>(before);
        now.set(3, result("waitqueue-kernel-style", "waitqueue", 40, 0, Double.NaN, 1));     // 3.3x slower
        now.set(1, result("floor-park-unpark", "floor", 12, 0, Double.NaN, 1));              // 1.2x: noise
        String html = ReportPage.render(Environment.now(), now, Goal.evaluate(now), null, previous, false);
        String kernel = html.substring(html.indexOf("<td class=\"l\">waitqueue-kernel-style</td>",
                html.indexOf("id=\"compare\"")));
        assertTrue(kernel.substring(0, kernel.indexOf("</tr>")).contains("p50 slower"), kernel);
        String floor = html.substring(html.indexOf("<td class=\"l\">floor-park-unpark</td>",
                html.indexOf("id=\"compare\"")));
        assertTrue(floor.substring(0, floor.indexOf("</tr>")).contains("within noise"), floor);
        assertTrue(!html.contains("on another CPU"), "the same machine: no warning");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSayWhenTheEarlierRunWasOnAnotherCpu() {
        List<LatencyResult> results = run(12, 2, 1.0);
        Environment here = Environment.now();
        Environment elsewhere = new Environment(here.jdk(), here.vm(), here.gc(), here.cpus(), "Other CPU <x>",
                here.os(), here.date(), here.revision());
        Map<String, Object> previous = (Map<String, Object>) Json.parse(Json.write(
                ReportCommand.toJson(elsewhere, results, Goal.evaluate(results), false)));
        String html = ReportPage.render(here, results, Goal.evaluate(results), null, previous, false);
        assertTrue(html.contains("<strong>on another CPU</strong> (Other CPU &lt;x&gt;, this run " + here.cpu()), html);
    }

    @Test
    void shouldMeasureAHandOffWithoutLosingEvents() throws InterruptedException {
        LatencyResult r = HandoffLatency.measure("t", "floor", "t", Channels::parkUnpark, EventPattern.poisson(2_000),
                300, 1, 50);
        assertTrue(r.events() > 300, "about 600 events in 300 ms: " + r.events());
        assertEquals(r.events(), r.raw().getTotalCount());
        assertEquals(r.events(), r.corrected().getTotalCount());
        assertTrue(r.corrected().getValueAtPercentile(50) >= r.raw().getValueAtPercentile(50) * 0.99,
                "the due time is never after the send");
    }
}
