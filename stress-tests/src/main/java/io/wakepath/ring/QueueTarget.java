package io.wakepath.ring;

import io.wakepath.core.Layer;
import io.wakepath.core.UsageException;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.QueueCapacity;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.IntFunction;

/**
 * {@code --target queue=CLASS [--topology spsc|mpsc|spmc|mpmc]}: any {@link Queue}, as it is, through the ring
 * catalogue behind {@link QueueRing}. The queue is made with {@code (int capacity)} when it has that constructor, else
 * with {@code ()}; what it holds is found before anything runs ({@link QueueCapacity}).
 */
final class QueueTarget {
    private QueueTarget() {
    }

    static TargetKind kind(LayerBinding binding) {
        return new TargetKind(binding, "queue", "implements java.util.Queue (offer, poll, size, isEmpty); a public "
                + "constructor (int capacity) or (); --topology says how many threads may offer and poll at once "
                + "(default mpmc)", List.of("topology"), QueueTarget::wrap);
    }

    private static RingStrategy wrap(Class<?> type, Map<String, String> options) {
        Topology topology = Topology.byId(options.getOrDefault("topology", Topology.MPMC.id()));
        IntFunction<Queue<Object>> make = QueueCapacity.maker(type, Queue.class);
        QueueCapacity capacity = QueueCapacity.probe(type, make);
        RingCapabilities capabilities = new RingCapabilities(topology, EnumSet.of(OverflowPolicy.DROP_NEWEST), false,
                false, capacity.minCapacity(), capacity.bounded());
        String holds = capabilities.bounded() ? "holds exactly from " + capabilities.minCapacity() : "unbounded";
        return new RingStrategy(Target.info(type, Layer.RING, "your java.util.Queue as a ring (" + topology.id()
                + ", " + holds + "), from --classpath (expected correct)"), capabilities,
                config -> new QueueRing(config, capabilities, make.apply(config.capacity())));
    }
}
