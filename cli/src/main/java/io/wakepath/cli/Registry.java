package io.wakepath.cli;

import io.wakepath.core.Strategy;
import io.wakepath.ring.RingStrategies;

import java.util.ArrayList;
import java.util.List;

/** Every strategy of every layer, in layer order: the layers' registries joined, nothing listed again. */
public final class Registry {
    private Registry() {
    }

    public static List<Strategy> all() {
        List<Strategy> all = new ArrayList<>(RingStrategies.all());
        return List.copyOf(all);
    }
}
