package io.wakepath.irq.driver;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Rule;
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

    /** The rule table of this layer (see {@link Rule}). */
    static final List<Rule> RULES = List.of(
            new Rule("driver.publish-then-wake",
                    "The IRQ side moves samples into the ring before it wakes the readers.",
                    "CharDriver, DESIGN (state before wake_up)",
                    List.of("chain:*"),
                    List.of("broken-wake-before-update")),
            new Rule("driver.drain-to-empty",
                    "No sample is left in the FIFO with nothing to raise it: the handler drains to empty after "
                            + "acknowledging, or its thread takes every item its coalesced wakes stand for.",
                    "CharDriver (the IRQ side), the device's RX latch",
                    List.of("chain:*"),
                    List.of("broken-clear-before-drain", "broken-one-per-wake", "mutants.BudgetDriver")),
            new Rule("driver.own-irq",
                    "IRQ_HANDLED for exactly its own device's interrupts on a shared line.",
                    "IrqHandler.hardIrq, request_irq(IRQF_SHARED)",
                    List.of("chain:*"),
                    List.of("broken-claims-foreign", "broken-disowns-own")),
            new Rule("driver.ack",
                    "Acknowledge exactly the status bits read (write-one-to-clear), and so lower a level line.",
                    "CharDriver.ack, the device's STATUS register",
                    List.of("chain:*"),
                    List.of("broken-rmw-w1c", "broken-level-never-cleared")),
            new Rule("driver.no-silent-loss",
                    "A full ring's drops are counted and told to the readers.",
                    "CharDriver.publish, OverflowPolicy",
                    List.of("chain:overflow-bursts"),
                    List.of("broken-silent-truncation")),
            new Rule("driver.edge-drain",
                    "An edge-triggered reader reads until EAGAIN before it waits again.",
                    "epoll(7) EPOLLET",
                    List.of("chain:epoll-et"),
                    List.of("broken-et-no-drain")),
            new Rule("driver.poll-queue",
                    "The IRQ side wakes the queue that .poll registers on.",
                    "CharDriver.pollQueue",
                    List.of("chain:*"),
                    List.of("broken-separate-poll-queue")));

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
    public List<Rule> rules() {
        return RULES;
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
