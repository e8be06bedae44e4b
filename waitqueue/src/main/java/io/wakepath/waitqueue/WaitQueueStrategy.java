package io.wakepath.waitqueue;

import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One wait-queue strategy in the registry.
 *
 * @param info    id, layer, correct/broken, bug class, description
 * @param list    how the entry list is protected
 * @param sleep   how a waiter waits
 * @param sleeps  whether a waiter gives its CPU back while it waits (false: it spins)
 * @param modelCheckable whether Lincheck's model checker can explore its mechanism (it cannot explore
 *                ReentrantLock conditions: the first invocation hangs without a trace)
 * @param factory makes an empty queue
 */
public record WaitQueueStrategy(StrategyInfo info, String list, String sleep, boolean sleeps,
                                boolean modelCheckable, Supplier<WaitQueue> factory) implements Strategy {

    public WaitQueue create() {
        return factory.get();
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("list", list);
        details.put("sleep", sleep);
        details.put("sleeps", sleeps);
        details.put("modelCheckable", modelCheckable);
        return details;
    }

    /** The same strategy, marked as one the model checker cannot explore. */
    WaitQueueStrategy notModelCheckable() {
        return new WaitQueueStrategy(info, list, sleep, sleeps, false, factory);
    }

    @Override
    public String toString() {
        return info.id();
    }
}
