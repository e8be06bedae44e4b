package io.wakepath.cli;

import io.wakepath.core.Strategy;
import io.wakepath.irq.driver.DriverStrategies;
import io.wakepath.poll.PollStrategies;
import io.wakepath.ring.RingStrategies;
import io.wakepath.waitqueue.WaitQueueStrategies;

import java.util.ArrayList;
import java.util.List;

/** Every strategy of every layer, in layer order: the layers' registries joined, nothing listed again. */
public final class Registry {
    private Registry() {
    }

    public static List<Strategy> all() {
        List<Strategy> all = new ArrayList<>(RingStrategies.all());
        all.addAll(WaitQueueStrategies.all());
        all.addAll(PollStrategies.all());
        all.addAll(DriverStrategies.all());
        return List.copyOf(all);
    }
}
