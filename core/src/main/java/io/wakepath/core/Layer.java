package io.wakepath.core;

import java.util.Arrays;

/**
 * The links of the wake path that have strategies of their own, by their command-line name: the one list of them.
 * Each names the class that holds its {@link StrategyRegistry} (a {@code public static final REGISTRY} field), which
 * lives in the layer's own module, or none for a layer whose classes come only as targets; {@code check} adds a
 * binding per layer for everything it runs.
 */
public enum Layer {
    RING("ring", "Ring", "io.wakepath.ring.RingStrategies"),
    WAIT_QUEUE("waitqueue", "WaitQueue", "io.wakepath.waitqueue.WaitQueueStrategies"),
    POLL("poll", "Poll", "io.wakepath.poll.PollStrategies"),
    DRIVER("driver", "Driver", "io.wakepath.irq.driver.DriverStrategies"),
    /** Any {@code java.util.concurrent.BlockingQueue}: the buffer and the wait in one. Only targets and peers. */
    BLOCKING_QUEUE("blocking-queue", "BlockingQueue", null),
    ;

    private final String id;
    private final String classSuffix;
    private final String registryHolder;

    Layer(String id, String classSuffix, String registryHolder) {
        this.id = id;
        this.classSuffix = classSuffix;
        this.registryHolder = registryHolder;
    }

    /** The name used on the command line and in JSON, e.g. {@code ring}. */
    public String id() {
        return id;
    }

    /** The suffix every strategy class of this layer carries, e.g. {@code SpscReleaseAcquireRing}. */
    public String classSuffix() {
        return classSuffix;
    }

    /**
     * The layer's registry, from its module (which must be on the class path).
     *
     * @throws IllegalStateException when the module is missing
     */
    public StrategyRegistry<? extends Strategy> registry() {
        if (registryHolder == null) {
            return StrategyRegistry.empty(this);
        }
        try {
            return (StrategyRegistry<?>) Class.forName(registryHolder).getField("REGISTRY").get(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the " + id + " layer's registry " + registryHolder + " is not on the "
                    + "class path", e);
        }
    }

    /** @throws UsageException naming the known layers when {@code id} is none of them */
    public static Layer byId(String id) {
        for (Layer layer : values()) {
            if (layer.id.equals(id)) {
                return layer;
            }
        }
        throw new UsageException("unknown layer '" + id + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(Layer::id).toList()) + ")");
    }
}
