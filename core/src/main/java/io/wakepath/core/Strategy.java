package io.wakepath.core;

import java.util.Map;

/** A registry entry of any layer, as the command line, the reports and the verdict tables see it. */
public interface Strategy {

    StrategyInfo info();

    /** The registry id, e.g. {@code spsc-release-acquire}. */
    default String id() {
        return info().id();
    }

    /** Whether it is a correct variant (not broken on purpose). */
    default boolean correct() {
        return info().correct();
    }

    /** Layer-specific facts worth listing (topology, supported modes...), in display order. */
    Map<String, Object> details();
}
