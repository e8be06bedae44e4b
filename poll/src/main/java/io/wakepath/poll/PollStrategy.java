package io.wakepath.poll;

import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One poll strategy in the registry.
 *
 * @param info      id, layer, correct/broken, bug class, description
 * @param readyList how the epoll ready list is protected
 * @param factory   makes an engine
 */
public record PollStrategy(StrategyInfo info, String readyList, Supplier<Poll> factory) implements Strategy {

    public Poll create() {
        return factory.get();
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("readyList", readyList);
    }

    @Override
    public String toString() {
        return info.id();
    }
}
