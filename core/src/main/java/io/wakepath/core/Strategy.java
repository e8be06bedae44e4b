package io.wakepath.core;

import java.util.Map;

/** A registry entry of any layer, as the command line, the reports and the verdict tables see it. */
public interface Strategy {

    StrategyInfo info();

    /** Layer-specific facts worth listing (topology, supported modes...), in display order. */
    Map<String, Object> details();
}
