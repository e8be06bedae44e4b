package io.wakepath.ring;

import java.util.function.Predicate;
import java.util.stream.Stream;

/** One strategy with one config it supports: the parameter of every ring contract test. */
record RingCase(RingStrategy strategy, RingConfig config) {
    static final int CAPACITY = 8;

    Ring create() {
        return strategy.create(config);
    }

    /** Every registered strategy with every config shape it supports that {@code shape} accepts. */
    static Stream<RingCase> supporting(Predicate<RingConfig> shape) {
        return RingStrategies.REGISTRY.all().stream().flatMap(s -> RingConfig.allShapes(CAPACITY).stream()
                .filter(shape)
                .filter(c -> s.capabilities().supports(c))
                .map(c -> new RingCase(s, c)));
    }

    @Override
    public String toString() {
        return strategy.id() + " " + config;
    }
}
