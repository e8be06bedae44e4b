package io.wakepath.latency;

import io.wakepath.irq.diagnose.ChainRun;
import io.wakepath.irq.diagnose.Check;
import io.wakepath.irq.diagnose.Diagnosis;
import io.wakepath.irq.diagnose.Finding;
import io.wakepath.irq.diagnose.RunResult;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.irq.ledger.Hop;
import io.wakepath.irq.ledger.Ledger;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The whole chain's latency: from the hardware receiving a sample to a reader's read (poll, epoll) returning it,
 * raw and from the sample's due time (coordinated omission corrected), from the ledger of a {@code diagnose} run. A
 * run whose checks fail is not a latency to publish: it is refused with the failed check.
 */
final class ChainLatency {
    private ChainLatency() {
    }

    static LatencyResult measure(String name, String group, String description, Scenario scenario)
            throws InterruptedException {
        long cpu0 = Cpu.process();             // whole process: the chain's threads are its own
        RunResult r = ChainRun.run(scenario);
        long cpu = Cpu.process() - cpu0;
        List<Finding> failed = Diagnosis.of(r).stream().filter(f -> f.outcome() == Check.Outcome.FAIL).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(name + ": the run failed " + failed.get(0).check().id() + ": "
                    + failed.get(0).summary() + " (replay: " + ScenarioOptions.replay(scenario) + ")");
        }
        Ledger.Totals t = r.totals();
        long events = Math.max(1, t.eventsRead());
        Map<String, Histogram> hops = new LinkedHashMap<>();
        r.hops().forEach((hop, h) -> hops.put(hop.id(), h));
        return new LatencyResult(name, group, description, r.hops().get(Hop.END_TO_END),
                r.hops().get(Hop.END_TO_END_DUE), t.eventsRead(), (double) cpu / events, Double.NaN,
                (double) t.readersWoken() / events, scenario.readers(), hops);
    }
}
