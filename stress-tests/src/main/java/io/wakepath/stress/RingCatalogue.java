package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.ring.RingUnderTest;

import java.util.List;

/** The ring layer's catalogue: every test carrying a {@link RingShape}, on the strategies that support it. */
final class RingCatalogue implements LitmusCatalogue {

    @Override
    public Layer layer() {
        return Layer.RING;
    }

    @Override
    public List<RingStrategy> strategies() {
        return RingStrategies.all();
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.isAnnotationPresent(RingShape.class);
    }

    @Override
    public boolean applies(Class<?> test, Strategy strategy) {
        return RingShapes.supportedBy(test, (RingStrategy) strategy);
    }

    @Override
    public String property() {
        return RingUnderTest.PROPERTY;
    }
}
