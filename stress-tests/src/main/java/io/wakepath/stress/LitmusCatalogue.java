package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;

import java.util.List;
import java.util.Optional;

/**
 * One layer's jcstress catalogue: its strategies, which of the litmus tests apply to each, and the system property
 * that tells a forked test VM which strategy it is testing.
 */
interface LitmusCatalogue {

    Layer layer();

    List<? extends Strategy> strategies();

    /** Whether {@code test} (a {@code @JCStressTest} class) is part of this layer's catalogue at all. */
    boolean covers(Class<?> test);

    /** Whether {@code test} applies to {@code strategy} (the strategy supports the shape the test needs). */
    boolean applies(Class<?> test, Strategy strategy);

    /** The {@code -D} property naming the strategy under test in the forked VMs. */
    String property();

    /** The jcstress options of {@code preset} for this layer's tests; a layer whose races are rarer asks for more. */
    default List<String> options(CheckPreset preset) {
        return preset.options;
    }

    /** The main class of the layer's model checks ({@link ModelChecks}) when they apply to {@code strategy}. */
    default Optional<String> modelChecks(Strategy strategy) {
        return Optional.empty();
    }
}
