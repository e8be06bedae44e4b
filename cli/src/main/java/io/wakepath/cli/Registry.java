package io.wakepath.cli;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;

import java.util.Arrays;
import java.util.List;

/** Every strategy of every layer, in layer order: the layers' registries joined, nothing listed again. */
public final class Registry {
    private Registry() {
    }

    public static List<Strategy> all() {
        return Arrays.stream(Layer.values()).flatMap(l -> l.registry().all().stream()).map(s -> (Strategy) s)
                .toList();
    }
}
