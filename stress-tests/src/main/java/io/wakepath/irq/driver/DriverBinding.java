package io.wakepath.irq.driver;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.core.UsageException;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The driver layer in {@code check}: no litmus test (a driver is a composition with a device, an IRQ controller and
 * readers, beyond two jcstress actors) and no race-detector workload (its parts are checked one by one); its variants
 * are judged by the chain stress alone.
 */
public final class DriverBinding implements LayerBinding {
    public static final DriverBinding INSTANCE = new DriverBinding();

    private DriverBinding() {
    }

    @Override
    public Layer layer() {
        return Layer.DRIVER;
    }

    @Override
    public StrategyRegistry<DriverStrategy> registry() {
        return DriverStrategies.REGISTRY;
    }

    @Override
    public boolean covers(Class<?> test) {
        return false;
    }

    @Override
    public List<ChainCase> chainCases(Strategy strategy) {
        return List.of(
                new ChainCase("blocking-100k", "--rate", "100k"),
                new ChainCase("overflow-bursts", "--capacity", "16", "--pattern", "bursts", "--burst", "64"),
                new ChainCase("epoll-et", "--read", "epoll-et", "--closed-loop", "4", "--batch", "2"));
    }

    @Override
    public Scenario scenario(Strategy strategy, ChainCase c, long millis, String stall) {
        List<String> options = new ArrayList<>(c.options());
        options.addAll(List.of("--duration", millis + "ms", "--stall", stall, "--driver", strategy.id()));
        return ScenarioOptions.of(options.toArray(String[]::new));
    }

    @Override
    public void makeOne(Strategy strategy) {
        // drivers are registered, never a user's class
    }
}
