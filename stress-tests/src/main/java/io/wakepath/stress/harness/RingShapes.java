package io.wakepath.stress.harness;

import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategy;

/** Reads {@link RingShape} declarations. */
public final class RingShapes {
    private RingShapes() {
    }

    /** The config declared on {@code test}, at the smallest capacity {@code strategy} holds when it may grow. */
    public static RingConfig config(Class<?> test, RingStrategy strategy) {
        RingShape shape = shape(test);
        int capacity = shape.exactCapacity() ? shape.capacity()
                : Math.max(shape.capacity(), strategy.capabilities().minCapacity());
        return new RingConfig(capacity, shape.policy(), shape.framing(), shape.readers());
    }

    private static RingShape shape(Class<?> test) {
        RingShape shape = test.getAnnotation(RingShape.class);
        if (shape == null) {
            throw new IllegalStateException(test.getName() + " has no @RingShape");
        }
        return shape;
    }

    /** Whether {@code strategy} supports the ring and the topology {@code test} declares. */
    public static boolean supportedBy(Class<?> test, RingStrategy strategy) {
        RingShape shape = shape(test);
        RingCapabilities capabilities = strategy.capabilities();
        return capabilities.supports(config(test, strategy)) && capabilities.topology().covers(shape.topology())
                && (!shape.exactCapacity() || capabilities.holdsExactly(shape.capacity()));
    }
}
