package io.wakepath.irq.driver;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;
import io.wakepath.irq.Device;
import io.wakepath.irq.IrqHandler;
import io.wakepath.irq.ledger.Ledger;

import java.lang.reflect.Constructor;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver layer in {@code check}: no litmus test (a driver is a composition with a device, an IRQ controller and
 * readers, beyond two jcstress actors) and no race-detector workload (its parts are checked one by one); its variants
 * are judged by the chain stress alone, the driver at its link and the other links the defaults. A user's driver is
 * any {@link CharDriver} subclass with a public {@code (CharDriver.Parts)} constructor.
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
        options.addAll(List.of("--duration", millis + "ms", "--stall", stall));
        return ScenarioOptions.of(options.toArray(String[]::new)).toBuilder()
                .driver((DriverStrategy) strategy).build();
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of(new TargetKind(this, "driver", "extends io.wakepath.irq.driver.CharDriver; a public "
                + "constructor (CharDriver.Parts)", (type, options) -> wrap(type)));
    }

    private Strategy wrap(Class<?> type) {
        Constructor<?> c = Target.constructor(type, CharDriver.class, CharDriver.Parts.class);
        String irqSide = declaresThreaded(type) ? "yours: hard and threaded" : "yours: hard";
        return new DriverStrategy(Target.info(type, layer()), irqSide,
                parts -> (CharDriver) Target.instantiate(c, parts));
    }

    private static boolean declaresThreaded(Class<?> type) {
        try {
            return type.getMethod("threaded").getDeclaringClass() != IrqHandler.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** One driver on the default links, as a chain wires it (a device, the default ring, queue and poll). */
    @Override
    public void makeOne(Strategy strategy) {
        Scenario sc = ScenarioOptions.of();
        ((DriverStrategy) strategy).create(new CharDriver.Parts(new Device("probe", sc.fifoDepth()),
                sc.ring().create(sc.ringConfig()), sc.waitQueue()::create, sc.poll().create(), new Ledger(false)));
    }
}
