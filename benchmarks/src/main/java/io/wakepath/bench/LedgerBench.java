package io.wakepath.bench;

import io.wakepath.irq.LedgerOverhead;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ledger part of {@code wakepath bench}: ns per sample through the chain with the ledger on and off
 * ({@link LedgerOverhead}), measured in the same run, and their ratio.
 */
final class LedgerBench {
    private LedgerBench() {
    }

    static boolean run(BenchCommand.Settings settings, List<RunResult> jmhResults, List<Map<String, Object>> json,
                       PrintStream out) {
        out.print("[ 1/1] ledger overhead (on, off)      ");
        out.flush();
        Collection<RunResult> results;
        try {
            results = new Runner(settings.options()
                    .include(Pattern.quote(LedgerOverhead.class.getName()) + "\\.sampleThroughTheChain$")
                    .build()).run();
        } catch (RunnerException e) {
            out.println("FAILED: " + e.getMessage());
            return true;
        }
        out.println("done");
        jmhResults.addAll(results);
        Map<String, Double> nanos = new LinkedHashMap<>();
        for (RunResult r : results) {
            nanos.put(r.getParams().getParam("ledger"), Measured.primaryMedian(r));
        }
        double on = nanos.get("on");
        double off = nanos.get("off");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("nanosPerSampleLedgerOn", on);
        row.put("nanosPerSampleLedgerOff", off);
        row.put("ratio", on / off);
        json.add(row);
        out.printf("%nLedger: median of %d x 1 s iterations, one thread moving samples source -> ring -> read%n",
                settings.iterations());
        out.printf("  ledger on  %8.1f ns/sample%n  ledger off %8.1f ns/sample%n  on/off     %8.2fx "
                + "(+%.1f ns per sample for times, histograms and the duplicate check)%n", on, off, on / off, on - off);
        return false;
    }
}
