package io.wakepath.stress;

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
import io.wakepath.irq.diagnose.WaitTimeouts;
import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** One case: a name and the diagnose options that make it (the strategy under test is set apart). */
    record Case(String name, List<String> options) {
    }

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
        Strategy strategy = resolve(layer, id);
        for (Case c : cases(strategy)) {
            Scenario scenario;
            try {
                scenario = scenario(strategy, c, millis);
            } catch (UsageException notApplicable) {
                continue;                               // e.g. a driver variant that only differs under epoll ET
            }
            String line;
            try {
                RunResult result = ChainRun.run(scenario);
                List<Finding> findings = Diagnosis.of(result);
                Path report = out.resolve("chain-" + c.name() + ".txt");
                try (PrintStream ps = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
                    ps.println(scenario.describe());
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

    private static String verdict(Case c, Scenario scenario, List<Finding> findings, String id, Path report) {
        List<Finding> failed = findings.stream().filter(f -> f.outcome() == Check.Outcome.FAIL).toList();
        if (failed.isEmpty()) {
            return "CHAIN " + c.name() + " OK";
        }
        Finding first = failed.get(0);
        String replay = id.startsWith(Target.PREFIX) ? "" : "; replay: " + scenario.replay();
        return "CHAIN " + c.name() + " FAILED " + first.check().id() + ": " + first.summary()
                + (failed.size() > 1 ? " (and " + (failed.size() - 1) + " more checks)" : "")
                + "; report: " + report + replay;
    }

    static Strategy resolve(Layer layer, String id) {
        if (id.startsWith(Target.PREFIX)) {
            return Target.resolve(layer, id);
        }
        return switch (layer) {
            case RING -> RingStrategies.byId(id);
            case WAIT_QUEUE -> WaitQueueStrategies.byId(id);
            case POLL -> PollStrategies.byId(id);
            case DRIVER -> io.wakepath.irq.driver.DriverStrategies.byId(id);
        };
    }

    /** The cases for a strategy: what its layer needs, within what it supports. */
    static List<Case> cases(Strategy strategy) {
        List<Case> cases = new ArrayList<>();
        switch (strategy.info().layer()) {
            case RING -> {
                RingStrategy ring = (RingStrategy) strategy;
                cases.add(new Case("1-blocking", List.of("--closed-loop", "1")));
                // one reader polls, then reads: IN must mean that the read returns data (isReady against read)
                cases.add(new Case("1-poll", List.of("--read", "poll", "--closed-loop", "1")));
                cases.add(new Case("1-epoll-et", List.of("--read", "epoll-et", "--closed-loop", "8")));
                cases.add(new Case("overflow-bursts", List.of("--capacity", "16", "--pattern", "bursts",
                        "--rate", "200k", "--burst", "64")));
                if (ring.topology().multiConsumer()) {
                    cases.add(new Case("4-blocking-exclusive", List.of("--readers", "4", "--exclusive",
                            "--closed-loop", "4")));
                    cases.add(new Case("16-epoll-lt", List.of("--readers", "16", "--read", "epoll-lt",
                            "--closed-loop", "4")));
                }
            }
            case WAIT_QUEUE -> {
                WaitQueueStrategy wq = (WaitQueueStrategy) strategy;
                cases.add(new Case("1-blocking", List.of("--closed-loop", "1")));
                cases.add(new Case("4-exclusive-signals", List.of("--readers", "4", "--exclusive", "--signals", "20",
                        "--closed-loop", "1")));
                cases.add(new Case("4-epoll-lt", List.of("--readers", "4", "--read", "epoll-lt", "--closed-loop",
                        "2")));
                // timed waits: a wake lost by a timed waiter leaves it asleep to its deadline (up to 1 s) on data
                cases.add(new Case("1-timed", List.of("--timeout", WaitTimeouts.WIDE, "--closed-loop", "1")));
                cases.add(new Case("4-exclusive-timed", List.of("--readers", "4", "--exclusive", "--timeout",
                        WaitTimeouts.WIDE, "--closed-loop", "1")));
                if (wq.sleeps()) {                      // a spinning queue needs a CPU per waiter: not 64 of them
                    cases.add(new Case("64-blocking", List.of("--readers", "64", "--closed-loop", "1")));
                    cases.add(new Case("1000-virtual-exclusive", List.of("--readers", "1000", "--virtual",
                            "--exclusive", "--closed-loop", "4")));
                }
            }
            case POLL -> {
                cases.add(new Case("1-poll", List.of("--read", "poll", "--closed-loop", "1")));
                cases.add(new Case("1-poll-timed", List.of("--read", "poll", "--timeout", WaitTimeouts.WIDE,
                        "--closed-loop", "1")));
                // edge-triggered readers of one file: each takes edges whose data another read (stale edges), while
                // new wakes race the deliveries
                cases.add(new Case("4-epoll-et", List.of("--read", "epoll-et", "--readers", "4", "--closed-loop",
                        "2")));
                cases.add(new Case("4-epoll-lt", List.of("--read", "epoll-lt", "--readers", "4", "--closed-loop",
                        "2")));
                cases.add(new Case("16-epoll-et-exclusive", List.of("--read", "epoll-et", "--readers", "16",
                        "--exclusive", "--closed-loop", "4")));
                cases.add(new Case("2-epoll-et-signals", List.of("--read", "epoll-et", "--readers", "2",
                        "--signals", "20", "--closed-loop", "1")));
                cases.add(new Case("1000-virtual-epoll-et", List.of("--read", "epoll-et", "--readers", "1000",
                        "--virtual", "--exclusive", "--closed-loop", "4")));
            }
            case DRIVER -> {
                cases.add(new Case("blocking-100k", List.of("--rate", "100k")));
                cases.add(new Case("overflow-bursts", List.of("--capacity", "16", "--pattern", "bursts",
                        "--burst", "64")));
                cases.add(new Case("epoll-et", List.of("--read", "epoll-et", "--closed-loop", "4", "--batch", "2")));
            }
        }
        return cases;
    }

    /** The case's scenario with the strategy in its link. @throws UsageException when it does not apply */
    static Scenario scenario(Strategy strategy, Case c, long millis) {
        List<String> options = new ArrayList<>(c.options());
        options.addAll(List.of("--duration", millis + "ms"));
        int readers = c.options().contains("--readers")
                ? Integer.parseInt(c.options().get(c.options().indexOf("--readers") + 1)) : 1;
        options.addAll(List.of("--stall", STALL));
        return switch (strategy.info().layer()) {
            case RING -> {
                RingStrategy ring = (RingStrategy) strategy;
                if (readers > 1 && !ring.topology().multiConsumer()) {
                    throw new UsageException("single consumer");
                }
                options.addAll(List.of("--overflow", policyFor(ring)));
                Scenario base = Scenario.of(options.toArray(String[]::new));
                if (!ring.capabilities().supports(base.ringConfig())) {
                    throw new UsageException("unsupported shape");
                }
                yield base.withRing(ring);
            }
            case WAIT_QUEUE -> Scenario.of(options.toArray(String[]::new)).withWaitQueue((WaitQueueStrategy) strategy);
            case POLL -> Scenario.of(options.toArray(String[]::new)).withPoll((PollStrategy) strategy);
            case DRIVER -> {
                options.addAll(List.of("--driver", strategy.info().id()));
                yield Scenario.of(options.toArray(String[]::new));
            }
        };
    }

    /** The overflow policy a chain uses: the first the ring supports, in the order chains prefer them. */
    static String policyFor(RingStrategy ring) {
        return OverflowPolicy.PREFERENCE.stream().filter(ring.capabilities().sharedPolicies()::contains).findFirst()
                .map(OverflowPolicy::id).orElseThrow(() -> new UsageException("no shared frame policy"));
    }
}
