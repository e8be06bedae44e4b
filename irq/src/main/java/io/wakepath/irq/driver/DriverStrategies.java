package io.wakepath.irq.driver;

import io.wakepath.core.Layer;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.StrategyRegistry;

import java.util.function.Function;

/** The registry of driver variants (the IRQ side of the char device): the only list of them. */
public final class DriverStrategies {
    private static final String HARD = "hard";
    private static final String THREADED = "threaded (oneshot)";

    public static final StrategyRegistry<DriverStrategy> REGISTRY =
            StrategyRegistry.<DriverStrategy>of(Layer.DRIVER, "driver")
            .byDefault(correct(HardIrqDriver.class, HardIrqDriver::new, HARD,
                    "hard handler confirms, acks the bits it read, drains the FIFO to empty, then wakes"))
            .add(correct(ThreadedOneshotDriver.class, ThreadedOneshotDriver::new, THREADED,
                    "hard handler confirms and acks; a ONESHOT handler thread drains to empty and wakes"))
            .add(broken(BrokenWakeBeforeUpdateDriver.class, BrokenWakeBeforeUpdateDriver::new, HARD,
                    "wake before the state update", "wakes the readers, then moves the samples into the ring"))
            .add(broken(BrokenOnePerWakeDriver.class, BrokenOnePerWakeDriver::new, THREADED,
                    "threaded handler handles one item per wake",
                    "the handler thread takes one sample per run, though its wakes coalesce"))
            .add(broken(BrokenClaimsForeignDriver.class, BrokenClaimsForeignDriver::new, HARD,
                    "hard handler claims foreign IRQs", "returns IRQ_HANDLED whether or not its device raised anything"))
            .add(broken(BrokenDisownsOwnDriver.class, BrokenDisownsOwnDriver::new, HARD,
                    "hard handler disowns its own IRQ",
                    "tests the wrong status bit: returns IRQ_NONE for its own data interrupts"))
            .add(broken(BrokenLevelNeverClearedDriver.class, BrokenLevelNeverClearedDriver::new, HARD,
                    "level line never cleared (storm)",
                    "never writes STATUS: a level line stays asserted until the spurious detector disables it"))
            .add(broken(BrokenRmwW1cDriver.class, BrokenRmwW1cDriver::new, HARD,
                    "read-modify-write on a W1C register",
                    "acks with writel(readl(STATUS) | RX): clears events latched after its read, unseen"))
            .add(broken(BrokenClearBeforeDrainDriver.class, BrokenClearBeforeDrainDriver::new, HARD,
                    "status cleared before the FIFO is drained",
                    "clears the status, then reads only as many samples as the FIFO held: later arrivals stranded"))
            .add(broken(BrokenSilentTruncationDriver.class, BrokenSilentTruncationDriver::new, HARD,
                    "silent truncation when full", "drops samples when the ring is full without counting or telling"))
            .add(broken(BrokenEtNoDrainDriver.class, BrokenEtNoDrainDriver::new, HARD,
                    "edge-triggered reader that does not drain",
                    "its reader reads once per EPOLLET event instead of until EAGAIN (use --read epoll-et)"))
            .add(broken(BrokenSeparatePollQueueDriver.class, BrokenSeparatePollQueueDriver::new, HARD,
                    "poll registers on a queue the IRQ side never wakes",
                    "pollers wait on a second queue; the interrupt wakes only the readers' queue"))
            .build();

    private DriverStrategies() {
    }



    private static DriverStrategy correct(Class<? extends CharDriver> type,
                                          Function<CharDriver.Parts, CharDriver> factory, String irqSide,
                                          String description) {
        return new DriverStrategy(StrategyInfo.correct(Layer.DRIVER, type, description), irqSide, factory);
    }

    private static DriverStrategy broken(Class<? extends CharDriver> type,
                                         Function<CharDriver.Parts, CharDriver> factory, String irqSide,
                                         String bugClass, String description) {
        return new DriverStrategy(StrategyInfo.broken(Layer.DRIVER, type, bugClass, description), irqSide, factory);
    }
}
