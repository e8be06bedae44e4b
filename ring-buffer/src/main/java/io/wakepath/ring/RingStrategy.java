package io.wakepath.ring;

import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.function.Function;

/**
 * One ring strategy in the registry: what it is ({@link StrategyInfo}), what it supports, and how to make one.
 *
 * @param info         id, layer, correct/broken, bug class, description
 * @param capabilities the config shapes and topology it supports
 * @param factory      makes a ring; refuses an unsupported config with an {@link IllegalArgumentException}
 */
public record RingStrategy(StrategyInfo info, RingCapabilities capabilities, Function<RingConfig, Ring> factory)
        implements Strategy {

    public Topology topology() {
        return capabilities.topology();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topology", capabilities.topology().name());
        details.put("policies", capabilities.sharedPolicies().stream().map(Enum::name).sorted().toList());
        details.put("byteStream", capabilities.byteStream());
        details.put("broadcast", capabilities.broadcast());
        return details;
    }

    public Ring create(RingConfig config) {
        return factory.apply(config);
    }

    @Override
    public String toString() {
        return info.id();
    }
}
