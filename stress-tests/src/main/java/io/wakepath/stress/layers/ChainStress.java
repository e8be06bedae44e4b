package io.wakepath.stress.layers;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.UsageException;
import io.wakepath.irq.diagnose.ChainRun;
import io.wakepath.irq.diagnose.Check;
import io.wakepath.irq.diagnose.DiagnoseCommand;
import io.wakepath.irq.diagnose.Diagnosis;
import io.wakepath.irq.diagnose.Finding;
import io.wakepath.irq.diagnose.RunResult;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.Failures;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The chain stress: what jcstress cannot do on 2 CPUs. The strategy under test is put in its link of the whole chain
 * (device -> IRQ -> ring -> wait queue -> poll -> read, the other links correct) and driven with many readers (up to 64
 * platform threads, 1,000 virtual threads), blocking reads, poll(2), epoll LT and ET, exclusive waits, signals that
 * interrupt waiting readers, and a closed loop that raises the next samples the moment the last ones were read, so
 * that the race between readers going back to sleep and the next wake runs once per round and a lost wakeup is
 * never healed by a later sample. Every case ends by hanging up while readers are blocked (close during reads).
 * The oracles are the ledger (conservation, samples read twice or invented, wakes before updates), the lost-wakeup
 * watchdog (the same data left readable while every reader waits longer than the stall threshold, with their stacks)
 * and the other checks of {@code wakepath diagnose}.
 *
 * <p>Runs in a child JVM started by {@link ChildRun}: {@code ChainStress LAYER ID MILLIS OUT_DIR}, where ID is a
 * registry id or {@code class:<name>}. Prints {@code CHAIN <case> OK|FAILED|ERROR [what it saw]} per case and writes
 * each case's full report to {@code OUT_DIR/chain-<case>.txt}.
 */
public final class ChainStress {
    /**
     * Lost-wakeup threshold, for every case whatever its readers: far above the time a woken reader spends between its
     * wake and its read (at most 8.7 ms across all cases here, beside a second check), far below a run. The watchdog
     * counts a reader asleep only while its thread is blocked, so a herd of woken readers queued for 2 CPUs is not a
     * lost wakeup, however long the queue (before it did, 1,000 virtual readers woken by notifyAll took 57-84 ms).
     */
    static final String STALL = "50ms";

    private ChainStress() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ChainStress LAYER ID|class:NAME MILLIS OUT_DIR");
        }
        Layer layer = Layer.byId(args[0]);
        String id = args[1];
        long millis = Long.parseLong(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        LayerBinding binding = Bindings.of(layer);
        Strategy strategy = Bindings.resolve(layer, id);
        for (ChainCase c : binding.chainCases(strategy)) {
            Scenario scenario;
            try {
                scenario = binding.scenario(strategy, c, millis, STALL);
            } catch (UsageException notApplicable) {
                continue;                               // e.g. a driver variant that only differs under epoll ET
            }
            String line;
            try {
                RunResult result = ChainRun.run(scenario);
                List<Finding> findings = Diagnosis.of(result);
                Path report = out.resolve("chain-" + c.name() + ".txt");
                try (PrintStream ps = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
                    ps.println(ScenarioOptions.describe(scenario));
                    DiagnoseCommand.printReport(result, findings, ps);
                }
                line = verdict(c, scenario, findings, id, report);
            } catch (UsageException notApplicable) {
                continue;
            } catch (RuntimeException | Error e) {
                line = "CHAIN " + c.name() + " ERROR the run failed: " + Failures.reason(e);
            }
            System.out.println(line);
            System.out.flush();
        }
    }

    private static String verdict(ChainCase c, Scenario scenario, List<Finding> findings, String id, Path report) {
        List<Finding> failed = findings.stream().filter(f -> f.outcome() == Check.Outcome.FAIL).toList();
        if (failed.isEmpty()) {
            return "CHAIN " + c.name() + " OK";
        }
        Finding first = failed.get(0);
        String replay = id.startsWith(Target.PREFIX) ? "" : "; replay: " + ScenarioOptions.replay(scenario);
        return "CHAIN " + c.name() + " FAILED " + first.check().id() + ": " + first.summary()
                + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more checks)" : "")
                + "; report: " + report + replay;
    }
}
