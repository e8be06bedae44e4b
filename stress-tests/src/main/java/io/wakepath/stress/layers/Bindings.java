package io.wakepath.stress.layers;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.irq.driver.DriverBinding;
import io.wakepath.poll.PollBinding;
import io.wakepath.ring.RingBinding;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;
import io.wakepath.waitqueue.WaitQueueBinding;

import java.util.List;

/** The layers {@code check} knows, in the order it runs and prints them: the one list of them. */
public final class Bindings {
    public static final List<LayerBinding> ALL = List.of(RingBinding.INSTANCE, WaitQueueBinding.INSTANCE,
            PollBinding.INSTANCE, DriverBinding.INSTANCE);

    private Bindings() {
    }

    public static LayerBinding of(Layer layer) {
        return ALL.stream().filter(b -> b.layer() == layer).findFirst()
                .orElseThrow(() -> new IllegalStateException("no binding for layer " + layer.id()));
    }

    /** @throws io.wakepath.core.UsageException naming the known layers */
    public static LayerBinding byId(String layerId) {
        return of(Layer.byId(layerId));
    }

    /** A registry id, or {@code class:NAME} (a user's class, in a forked VM), as a strategy of {@code layer}. */
    public static Strategy resolve(Layer layer, String id) {
        LayerBinding binding = of(layer);
        return id.startsWith(Target.PREFIX) ? Target.resolve(binding, id) : binding.registry().byId(id);
    }
}
