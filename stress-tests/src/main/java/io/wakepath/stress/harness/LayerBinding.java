package io.wakepath.stress.harness;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.irq.diagnose.Scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code check} knows of one layer, in one place: its registry; which litmus tests are its catalogue and
 * which apply to a strategy; its model checks; its chain cases and how a strategy is put into a chain scenario; its
 * race-detector workloads; and how a user's class ({@code --target}) becomes one of its strategies. Commands and child
 * VMs enumerate the bindings and never switch on the layer: adding a layer is one binding, adding a kind of target one
 * {@link TargetKind} in it.
 */
public interface LayerBinding {

    Layer layer();

    StrategyRegistry<? extends Strategy> registry();

    /** The system property that names the strategy under test in a forked VM: a registry id or {@code class:NAME}. */
    default String property() {
        return "wakepath." + layer().id();
    }

    // ---- the litmus catalogue (jcstress)

    /** Whether {@code test} (a {@code @JCStressTest} class) belongs to this layer's catalogue. */
    boolean covers(Class<?> test);

    /** Whether {@code test} applies to {@code strategy} (the strategy supports the shape the test needs). */
    default boolean applies(Class<?> test, Strategy strategy) {
        return true;
    }

    /**
     * The jcstress options for {@code test}, given the preset's: a test whose race is rare asks for more. Tests with
     * the same options run in one jcstress invocation.
     */
    default List<String> litmusOptions(Class<?> test, List<String> presetOptions, boolean quick) {
        return presetOptions;
    }

    // ---- the model checks (Lincheck), the chain stress, the race detector

    /** The main class of the layer's model checks ({@link ModelChecks}) when they apply to {@code strategy}. */
    default Optional<String> modelChecks(Strategy strategy) {
        return Optional.empty();
    }

    /** The chain cases for {@code strategy}: what its layer needs, within what it supports. */
    List<ChainCase> chainCases(Strategy strategy);

    /**
     * The main class of the layer's many-thread stress when it is not the chain ({@code ChainStress}): a layer whose
     * classes do not fit a link of the chain (a blocking queue is the ring and the wait queue in one) runs its cases
     * in its own. It takes the chain stress's arguments and prints its lines.
     */
    default Optional<String> ownStress() {
        return Optional.empty();
    }

    /**
     * The scenario of chain case {@code c} with {@code strategy} in its link (the other links the defaults), samples
     * arriving for {@code millis}, the lost-wakeup threshold {@code stall}.
     *
     * @throws io.wakepath.core.UsageException when the case does not apply to the strategy
     */
    Scenario scenario(Strategy strategy, ChainCase c, long millis, String stall);

    /** The race detector's workloads for {@code strategy}; empty when the detector does not cover the layer. */
    default Map<String, Runnable> jmmWorkloads(Strategy strategy) {
        return Map.of();
    }

    /**
     * The layer's rule table: each rule of its contract with the properties that check it and the variants that
     * prove they can fail ({@code docs/ARCHITECTURE.md} prints it; {@code check} says which rules a class's runs
     * exercised).
     */
    List<Rule> rules();

    // ---- a user's class

    /** The kinds of {@code --target} this layer's catalogue checks ({@link TargetKind}); none for a composite layer. */
    default List<TargetKind> targetKinds() {
        return List.of();
    }

    /**
     * Makes one instance as the checks will, so that a class whose dependencies are missing fails here, in the host
     * ({@link LinkageError}), and not in every forked VM.
     */
    void makeOne(Strategy strategy);
}
