package io.wakepath.stress.harness;

import io.wakepath.core.Strategy;

import java.util.List;
import java.util.Map;

/**
 * One way a user's class becomes a strategy of a layer ({@code --target KIND=CLASS}): the layer's own interface
 * ({@code ring=}, {@code waitqueue=}, {@code poll=}), or a structure people write without knowing wakepath, put
 * behind an adapter of ours ({@code queue=} any {@link java.util.Queue} as a ring, {@code wait-strategy=} a Disruptor
 * {@code WaitStrategy} as a wait queue, {@code blocking-queue=} a {@link java.util.concurrent.BlockingQueue}). The
 * kind's binding runs its catalogue on the result.
 *
 * @param binding  the layer whose catalogue checks the class
 * @param id       the name before {@code =}
 * @param contract what the class must offer, for {@code --help} and the refusals
 * @param options  the names of the options it takes (e.g. {@code topology} for {@code --topology}); none for most
 * @param wrap     the class and the options the user gave (the kind applies its defaults) as a strategy; throws
 *                 {@link io.wakepath.core.UsageException} naming what the class lacks or what is wrong
 */
public record TargetKind(LayerBinding binding, String id, String contract, List<String> options, Wrap wrap) {

    public TargetKind {
        options = List.copyOf(options);
    }

    /** A kind that takes no option. */
    public TargetKind(LayerBinding binding, String id, String contract, Wrap wrap) {
        this(binding, id, contract, List.of(), wrap);
    }

    @FunctionalInterface
    public interface Wrap {
        Strategy apply(Class<?> type, Map<String, String> options);
    }
}
