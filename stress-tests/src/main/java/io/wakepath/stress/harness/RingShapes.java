package io.wakepath.stress.harness;

import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategy;

/** Reads {@link RingShape} declarations. */
public final class RingShapes {
    private RingShapes() {
    }

    /** The config declared on {@code test}. */
    public static RingConfig config(Class<?> test) {
        RingShape shape = test.getAnnotation(RingShape.class);
        if (shape == null) {
            throw new IllegalStateException(test.getName() + " has no @RingShape");
        }
        return new RingConfig(shape.capacity(), shape.policy(), shape.framing(), shape.readers());
    }

    /** Whether {@code strategy} supports the ring and the topology {@code test} declares. */
    public static boolean supportedBy(Class<?> test, RingStrategy strategy) {
        RingShape shape = test.getAnnotation(RingShape.class);
        return strategy.capabilities().supports(config(test)) && strategy.topology().covers(shape.topology());
    }
}
