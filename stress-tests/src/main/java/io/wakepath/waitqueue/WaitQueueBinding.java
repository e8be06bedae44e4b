package io.wakepath.waitqueue;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.irq.diagnose.WaitTimeouts;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Rule;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wait-queue layer in {@code check}: every litmus test of this package, the model checks on the strategies the
 * model checker can explore, chain cases at the chain's wait-queue link (blocking, exclusive with signals, epoll, timed
 * waits, and herds for the queues whose waiters sleep), and a user's queue is any {@link WaitQueue} with a public
 * no-argument constructor.
 */
public final class WaitQueueBinding implements LayerBinding {
    public static final WaitQueueBinding INSTANCE = new WaitQueueBinding();

    /** The rule table of this layer (see {@link Rule}). */
    static final List<Rule> RULES = List.of(
            new Rule("waitqueue.no-lost-wakeup",
                    "A wake issued after the condition was made true ends every wait on it: the waker's "
                            + "has-sleeper check and the waiter's registration each fence, so one sees the other.",
                    "WaitQueue (happens-before), wait.h wq_has_sleeper / set_current_state",
                    List.of("WaitQueueStoreBufferingStress", "WaitQueueTerminationStress", "model:wakeup", "jmm:races",
                            "chain:*"),
                    List.of("broken-unfenced-wake", "broken-check-then-register", "mutants.NoFenceWakeQueue", "mutants.CheckBeforeRegisterQueue", "mutants.SleeperCountQueue")),
            new Rule("waitqueue.exclusive-hand-off",
                    "An exclusive waiter chosen by a wake that leaves without the condition (interrupt, deadline) "
                            + "passes the wake on; one that takes the condition returns it.",
                    "wait.h ___wait_event, prepare_to_wait_event",
                    List.of("WaitQueueExclusiveHandOffStress", "model:exclusive", "chain:4-exclusive-signals", "chain:4-exclusive-timed"),
                    List.of("broken-exclusive-bail", "mutants.InterruptRaceQueue", "mutants.TimedSwallowQueue")),
            new Rule("waitqueue.timed-wake",
                    "A timed wait ends at the wake after the condition, not at its deadline; it returns 1 only "
                            + "for a condition that held first at the deadline.",
                    "WaitQueue.wait (timed), wait_event_timeout",
                    List.of("chain:1-timed", "chain:4-exclusive-timed", "WaitQueueExclusiveHandOffStress.Deadline"),
                    List.of("mutants.TimedLateWakeQueue", "mutants.TimedSwallowQueue")),
            new Rule("waitqueue.mixed-order",
                    "Non-exclusive entries at the head, exclusive ones at the tail: a wake reaches every "
                            + "non-exclusive entry, however the entries arrived.",
                    "WaitQueue (waking), wait.h __add_wait_queue / __wake_up_common",
                    List.of("WaitQueueMixedWakeStress.Mixed"),
                    List.of("mutants.NewestFirstQueue", "mutants.CountEveryWakeQueue")),
            new Rule("waitqueue.nr-counts-effective",
                    "wake_up_nr(n) stops after n effective wakes of exclusive entries: a non-exclusive entry, or "
                            + "an exclusive one whose task is already running, takes nothing from n.",
                    "WaitQueue.wakeUpNr, WakeCallback, __wake_up_common",
                    List.of("WaitQueueMixedWakeStress"),
                    List.of("mutants.CountEveryWakeQueue", "mutants.SpentOnRunningQueue")));

    private WaitQueueBinding() {
    }

    @Override
    public Layer layer() {
        return Layer.WAIT_QUEUE;
    }

    @Override
    public StrategyRegistry<WaitQueueStrategy> registry() {
        return WaitQueueStrategies.REGISTRY;
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.getPackageName().equals(WaitQueueBinding.class.getPackageName());
    }

    @Override
    public Optional<String> modelChecks(Strategy strategy) {
        return ((WaitQueueStrategy) strategy).modelCheckable()
                ? Optional.of(WaitQueueModelChecks.class.getName()) : Optional.empty();
    }

    @Override
    public List<ChainCase> chainCases(Strategy strategy) {
        List<ChainCase> cases = new ArrayList<>(List.of(
                new ChainCase("1-blocking", "--closed-loop", "1"),
                new ChainCase("4-exclusive-signals", "--readers", "4", "--exclusive", "--signals", "20",
                        "--closed-loop", "1"),
                new ChainCase("4-epoll-lt", "--readers", "4", "--read", "epoll-lt", "--closed-loop", "2"),
                // timed waits: a wake lost by a timed waiter leaves it asleep to its deadline (up to 1 s) on data
                new ChainCase("1-timed", "--timeout", WaitTimeouts.WIDE, "--closed-loop", "1"),
                new ChainCase("4-exclusive-timed", "--readers", "4", "--exclusive", "--timeout", WaitTimeouts.WIDE,
                        "--closed-loop", "1")));
        if (((WaitQueueStrategy) strategy).sleeps()) {  // a spinning queue needs a CPU per waiter: not 64 of them
            cases.add(new ChainCase("64-blocking", "--readers", "64", "--closed-loop", "1"));
            cases.add(new ChainCase("1000-virtual-exclusive", "--readers", "1000", "--virtual", "--exclusive",
                    "--closed-loop", "4"));
        }
        return cases;
    }

    @Override
    public Scenario scenario(Strategy strategy, ChainCase c, long millis, String stall) {
        List<String> options = new ArrayList<>(c.options());
        options.addAll(List.of("--duration", millis + "ms", "--stall", stall));
        return ScenarioOptions.of(options.toArray(String[]::new)).toBuilder()
                .waitQueue((WaitQueueStrategy) strategy).build();
    }

    @Override
    public Map<String, Runnable> jmmWorkloads(Strategy strategy) {
        return WaitQueueJmmWorkloads.of((WaitQueueStrategy) strategy);
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of(new TargetKind(this, "waitqueue", "implements io.wakepath.waitqueue.WaitQueue; a public "
                        + "no-argument constructor", (type, options) -> wrap(type)),
                WaitStrategyTarget.kind(this));
    }

    private Strategy wrap(Class<?> type) {
        Constructor<?> c = Target.constructor(type, WaitQueue.class);
        return new WaitQueueStrategy(Target.info(type, layer()), "yours", "yours", true, true,
                () -> (WaitQueue) Target.instantiate(c));
    }

    @Override
    public void makeOne(Strategy strategy) {
        ((WaitQueueStrategy) strategy).create();
    }
}
