package io.wakepath.irq.driver;

import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One driver variant in the registry.
 *
 * @param info    id, layer, correct/broken, bug class, description
 * @param irqSide where the work is done: {@code hard} or {@code threaded (oneshot)}
 * @param factory makes the driver from its parts
 */
public record DriverStrategy(StrategyInfo info, String irqSide, Function<CharDriver.Parts, CharDriver> factory)
        implements Strategy {

    public CharDriver create(CharDriver.Parts parts) {
        return factory.apply(parts);
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("irqSide", irqSide);
        return details;
    }

    @Override
    public String toString() {
        return info.id();
    }
}
