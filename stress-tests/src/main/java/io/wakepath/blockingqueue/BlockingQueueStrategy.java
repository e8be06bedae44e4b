package io.wakepath.blockingqueue;

import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;
import io.wakepath.ring.Topology;
import io.wakepath.stress.harness.QueueCapacity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * A {@link BlockingQueue} under test: the buffer and the wait in one. Only users' classes and peers are of this
 * layer; wakepath registers none of its own.
 *
 * @param info     its name and what it is
 * @param topology how many threads may offer (and put) and take at once
 * @param capacity what it holds, as found before anything ran
 * @param factory  makes one for a capacity ({@code (int)} constructor, else {@code ()})
 */
public record BlockingQueueStrategy(StrategyInfo info, Topology topology, QueueCapacity capacity,
                                    IntFunction<BlockingQueue<Object>> factory) implements Strategy {

    /** A new, empty queue holding at least {@code wanted} (at least what it keeps exactly). */
    public BlockingQueue<Object> create(int wanted) {
        return factory.apply(capacity.atLeast(wanted));
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topology", topology.name());
        details.put("bounded", capacity.bounded());
        details.put("minCapacity", capacity.minCapacity());
        return details;
    }

    @Override
    public String toString() {
        return info.id();
    }
}
