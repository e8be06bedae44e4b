package io.wakepath.stress.layers;

import io.wakepath.blockingqueue.BlockingQueueBinding;
import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.irq.driver.DriverBinding;
import io.wakepath.poll.PollBinding;
import io.wakepath.ring.RingBinding;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;
import io.wakepath.core.UsageException;
import io.wakepath.waitqueue.WaitQueueBinding;

import java.util.List;

/** The layers {@code check} knows, in the order it runs and prints them: the one list of them. */
public final class Bindings {
    public static final List<LayerBinding> ALL = List.of(RingBinding.INSTANCE, WaitQueueBinding.INSTANCE,
            PollBinding.INSTANCE, DriverBinding.INSTANCE, BlockingQueueBinding.INSTANCE);

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

    /** Every kind of {@code --target}, in the order of the layers. */
    public static List<TargetKind> kinds() {
        return ALL.stream().flatMap(b -> b.targetKinds().stream()).toList();
    }

    /** @throws UsageException naming the known kinds */
    public static TargetKind kind(String id) {
        for (TargetKind kind : kinds()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        String known = String.join(", ", kinds().stream().map(TargetKind::id).toList());
        throw new UsageException("unknown --target kind '" + id + "' (known: " + known + ")");
    }

    /** A registry id, or {@code class:KIND:NAME} (a user's class, in a forked VM), as a strategy of {@code layer}. */
    public static Strategy resolve(Layer layer, String id) {
        LayerBinding binding = of(layer);
        return id.startsWith(Target.PREFIX) ? Target.resolve(binding, id) : binding.registry().byId(id);
    }
}
