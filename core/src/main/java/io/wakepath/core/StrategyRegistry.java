package io.wakepath.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The registry of one layer's strategies: the only list of them, in display order, one marked as the default (what a
 * composition uses at that link unless told otherwise). Every layer has one; the command line, the checks, the
 * benchmarks and the reports enumerate it.
 *
 * <pre>{@code
 * public static final StrategyRegistry<RingStrategy> REGISTRY = StrategyRegistry.of(Layer.RING, "ring strategy")
 *         .add(monitorLocked)
 *         .byDefault(mpmcSequence)
 *         .build();
 * }</pre>
 *
 * @param <S> the layer's strategy type
 */
public final class StrategyRegistry<S extends Strategy> {
    private final Layer layer;
    private final String noun;
    private final List<S> all;
    private final S byDefault;

    private StrategyRegistry(Layer layer, String noun, List<S> all, S byDefault) {
        this.layer = layer;
        this.noun = noun;
        this.all = List.copyOf(all);
        this.byDefault = byDefault;
    }

    /** A registry under construction; {@code noun} names an entry in messages ("ring strategy"). */
    public static <S extends Strategy> Builder<S> of(Layer layer, String noun) {
        return new Builder<>(layer, noun);
    }

    public Layer layer() {
        return layer;
    }

    public List<S> all() {
        return all;
    }

    /** @throws UsageException naming the known ids when there is no such strategy */
    public S byId(String id) {
        for (S s : all) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new UsageException("unknown " + noun + " '" + id + "' (known: "
                + String.join(", ", all.stream().map(Strategy::id).toList()) + ")");
    }

    /**
     * What a composition uses at this layer's link unless told otherwise.
     *
     * @throws IllegalStateException for a layer with no registered strategy (its classes come only as targets)
     */
    public S byDefault() {
        if (byDefault == null) {
            throw new IllegalStateException("the " + layer.id() + " layer has no registered strategy");
        }
        return byDefault;
    }

    /** The registry of a layer whose classes come only as targets (and peers): no entry, no default. */
    public static <S extends Strategy> StrategyRegistry<S> empty(Layer layer) {
        return new StrategyRegistry<>(layer, layer.id() + " strategy", List.of(), null);
    }

    public List<S> correct() {
        return all.stream().filter(Strategy::correct).toList();
    }

    public List<S> broken() {
        return all.stream().filter(s -> !s.correct()).toList();
    }

    /** Builds a registry: entries in display order, exactly one of them the default. */
    public static final class Builder<S extends Strategy> {
        private final Layer layer;
        private final String noun;
        private final List<S> entries = new ArrayList<>();
        private S byDefault;

        private Builder(Layer layer, String noun) {
            this.layer = layer;
            this.noun = noun;
        }

        public Builder<S> add(S strategy) {
            if (strategy.info().layer() != layer) {
                throw new IllegalArgumentException(strategy.id() + " is not a " + layer.id() + " strategy");
            }
            if (entries.stream().anyMatch(s -> s.id().equals(strategy.id()))) {
                throw new IllegalArgumentException("two " + noun + " entries named " + strategy.id());
            }
            entries.add(strategy);
            return this;
        }

        /** Adds the default entry (a correct one). */
        public Builder<S> byDefault(S strategy) {
            if (byDefault != null || !strategy.correct()) {
                throw new IllegalArgumentException("one correct default per registry: " + strategy.id());
            }
            byDefault = strategy;
            return add(strategy);
        }

        public StrategyRegistry<S> build() {
            return new StrategyRegistry<>(layer, noun, entries, Objects.requireNonNull(byDefault,
                    layer.id() + " registry has no default"));
        }
    }
}
