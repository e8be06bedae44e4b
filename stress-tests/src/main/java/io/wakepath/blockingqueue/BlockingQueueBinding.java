package io.wakepath.blockingqueue;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.core.UsageException;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.ring.Topology;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Rule;
import io.wakepath.stress.harness.QueueCapacity;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * The blocking-queue layer in {@code check}: any {@link BlockingQueue}, as it is ({@code --target
 * blocking-queue=CLASS [--topology T]}). The queue is the buffer and the wait in one, so the wait-queue properties are
 * asked of it directly: its litmus tests (a blocked {@code take} or timed {@code poll} ends after an {@code offer};
 * an interrupted {@code take} loses nothing; an element's contents are published with it), its own many-thread stress
 * ({@link BlockingQueueStress}: lost wakeups with 1 to 64 takers and 1,000 virtual ones, late wakes of timed polls,
 * interrupts, the writer side, teardown by interrupt) and the race detector's workloads. No model checks: Lincheck's
 * model checker cannot explore the JDK's locks and conditions (it says so on our own lock-based wait queue).
 */
public final class BlockingQueueBinding implements LayerBinding {
    public static final BlockingQueueBinding INSTANCE = new BlockingQueueBinding();

    /** The rule table of this layer (see {@link Rule}). */
    static final List<Rule> RULES = List.of(
            new Rule("blocking-queue.termination",
                    "A blocked take() or timed poll() returns after an offer, whenever the two meet; a blocked "
                            + "put() returns once there is room.",
                    "BlockingQueue (take, poll, put)",
                    List.of("BlockingQueueTerminationStress", "chain:*"),
                    List.of("mutants.UnlockedLookBlockingQueue")),
            new Rule("blocking-queue.interrupt",
                    "InterruptedException loses nothing: an interrupted take() returns the element or leaves it "
                            + "for the next call, and a taker leaves on interrupt.",
                    "BlockingQueue.take, Thread.interrupt",
                    List.of("BlockingQueueInterruptStress", "chain:4-take-interrupted"),
                    List.of("mutants.InterruptDropsBlockingQueue")),
            new Rule("blocking-queue.publication",
                    "Actions before offer(e) happen-before actions after the take() or poll() that returns e (an "
                            + "element's plain fields seen whole).",
                    "java.util.concurrent (memory consistency effects)",
                    List.of("BlockingQueuePublicationStress", "jmm:races"),
                    List.of("mutants.StoreAfterUnlockBlockingQueue")));

    private BlockingQueueBinding() {
    }

    @Override
    public Layer layer() {
        return Layer.BLOCKING_QUEUE;
    }

    @Override
    public StrategyRegistry<? extends Strategy> registry() {
        return layer().registry();
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.getPackageName().equals(BlockingQueueBinding.class.getPackageName());
    }

    @Override
    public List<ChainCase> chainCases(Strategy strategy) {
        BlockingQueueStrategy queue = (BlockingQueueStrategy) strategy;
        List<ChainCase> cases = new ArrayList<>(List.of(
                new ChainCase("1-take"),
                new ChainCase("1-poll-timed", "--read", "poll-timed")));
        if (queue.topology().multiConsumer()) {
            cases.add(new ChainCase("4-take", "--readers", "4"));
            cases.add(new ChainCase("4-poll-timed", "--readers", "4", "--read", "poll-timed"));
            cases.add(new ChainCase("4-take-interrupted", "--readers", "4", "--interrupts"));
            cases.add(new ChainCase("64-take", "--readers", "64"));
            cases.add(new ChainCase("1000-virtual-take", "--readers", "1000", "--virtual"));
        } else {
            cases.add(new ChainCase("1-take-interrupted", "--interrupts"));
        }
        if (queue.capacity().bounded()) {
            cases.add(new ChainCase(queue.topology().multiConsumer() ? "4-take-put-full" : "1-take-put-full",
                    "--readers", queue.topology().multiConsumer() ? "4" : "1", "--put"));
        }
        return cases;
    }

    @Override
    public Optional<String> ownStress() {
        return Optional.of(BlockingQueueStress.class.getName());
    }

    @Override
    public Scenario scenario(Strategy strategy, ChainCase c, long millis, String stall) {
        throw new UsageException("a blocking queue is not a link of the chain: its cases run in "
                + BlockingQueueStress.class.getSimpleName());
    }

    @Override
    public Map<String, Runnable> jmmWorkloads(Strategy strategy) {
        return BlockingQueueJmmWorkloads.of((BlockingQueueStrategy) strategy);
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of(new TargetKind(this, "blocking-queue", "implements java.util.concurrent.BlockingQueue "
                + "(take, poll(timeout), offer, put, offer(timeout)); a public constructor (int capacity) or (); "
                + "--topology says how many threads may offer and take at once (default mpmc)", List.of("topology"),
                BlockingQueueBinding::wrap));
    }

    private static BlockingQueueStrategy wrap(Class<?> type, Map<String, String> options) {
        Topology topology = Topology.byId(options.getOrDefault("topology", Topology.MPMC.id()));
        IntFunction<BlockingQueue<Object>> make = QueueCapacity.maker(type, BlockingQueue.class);
        QueueCapacity capacity = QueueCapacity.probe(type, make);
        return new BlockingQueueStrategy(Target.info(type, Layer.BLOCKING_QUEUE, "your BlockingQueue (" + topology.id()
                + ", " + (capacity.bounded() ? "holds exactly from " + capacity.minCapacity() : "unbounded")
                + "), from --classpath (expected correct)"), topology, capacity, make);
    }

    @Override
    public void makeOne(Strategy strategy) {
        ((BlockingQueueStrategy) strategy).create(BlockingQueueUnderTest.CAPACITY);
    }
}
