package io.wakepath.irq;

import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueue;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrqControllerTest {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    @Test
    void aLevelLineDeliversUntilTheHandlerAcks() throws Exception {
        try (IrqController c = new IrqController()) {
            IrqLine line = c.line(1, IrqLine.Trigger.LEVEL);
            Device d = new Device("d", 16);
            line.attach(d);
            c.requestIrq(d, new AckingHandler(d), "d");
            for (int i = 0; i < 100; i++) {
                d.raise(i);
            }
            await(() -> d.counters().popped() == 100
                            || d.fifoLevel() == 0 && d.counters().popped() + d.counters().overruns() == 100,
                    "every sample handled");
            assertFalse(line.disabled());
            assertEquals(0, d.counters().disowned());
        }
    }

    @Test
    void anUnclearedLevelLineStormsUntilNobodyCares() throws Exception {
        try (IrqController c = new IrqController()) {
            IrqLine line = c.line(2, IrqLine.Trigger.LEVEL);
            Device d = new Device("d", 4);
            line.attach(d);
            c.requestIrq(d, () -> IrqReturn.NONE, "never-acks");
            d.raise(0);
            await(line::disabled, "the spurious detector to disable the line");
            assertTrue(line.disabledWhy().contains("nobody cared"), line.disabledWhy());
            assertTrue(line.counts().delivered() >= SpuriousDetector.WINDOW);
            assertTrue(d.counters().disowned() > SpuriousDetector.NOBODY_CARED);
        }
    }

    @Test
    void sleepingInAHardHandlerIsRaisedAsAnError() throws Exception {
        try (IrqController c = new IrqController()) {
            IrqLine line = c.line(3, IrqLine.Trigger.EDGE);
            Device d = new Device("d", 4);
            line.attach(d);
            WaitQueue wq = WaitQueueStrategies.REGISTRY.byId("kernel-style").create();
            c.requestIrq(d, () -> {
                d.writeStatus(d.readStatus());
                wq.waitEventTimeout(() -> false, 1_000_000);   // a sleep in atomic context
                return IrqReturn.HANDLED;
            }, "sleeper");
            d.raise(0);
            await(() -> !c.errors().isEmpty(), "the error");
            assertTrue(c.errors().get(0).contains("scheduling while atomic"), c.errors().get(0));
        }
    }

    @Test
    void threadWakesCoalesceAndOneshotKeepsTheLineMaskedUntilTheThreadReturns() throws Exception {
        try (IrqController c = new IrqController()) {
            IrqLine line = c.line(4, IrqLine.Trigger.EDGE);
            Device d = new Device("d", 1024);
            line.attach(d);
            AtomicInteger hard = new AtomicInteger();
            AtomicInteger drained = new AtomicInteger();
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            IrqAction action = c.requestIrq(d, new IrqHandler() {
                @Override
                public IrqReturn hardIrq() {
                    hard.incrementAndGet();
                    int s = d.readStatus();
                    if (s == 0) {
                        return IrqReturn.NONE;
                    }
                    d.writeStatus(s);
                    return IrqReturn.WAKE_THREAD;
                }

                @Override
                public void threadFn() {
                    try {
                        release.await(10, TimeUnit.SECONDS);      // thread context may sleep
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    while (d.readData() != Device.NO_DATA) {
                        drained.incrementAndGet();
                    }
                }

                @Override
                public boolean threaded() {
                    return true;
                }

                @Override
                public boolean oneshot() {
                    return true;
                }
            }, "threaded");
            d.raise(0);
            await(() -> hard.get() == 1, "the first hard IRQ");
            d.raise(1);                                        // FIFO not empty: no new edge
            d.readData();                                      // (empty it behind the handler's back)
            d.readData();
            d.raise(2);                                        // a new edge while the thread holds the line masked
            Thread.sleep(50);
            assertEquals(1, hard.get(), "masked until the thread returns");
            release.countDown();
            await(() -> hard.get() == 2, "the pending edge, replayed at unmask");
            await(() -> action.threadRuns() == 2, "the second run of the thread");
            assertEquals(0, d.fifoLevel());
            assertNotNull(action.thread());
        }
    }

    @Test
    void freeIrqReturnsWithTheHandlerStoppedForGood() throws Exception {
        try (IrqController c = new IrqController()) {
            IrqLine line = c.line(5, IrqLine.Trigger.EDGE);
            Device d = new Device("d", 4);
            line.attach(d);
            IrqAction a = c.requestIrq(d, new AckingHandler(d), "d");
            d.raise(0);
            await(() -> d.counters().popped() == 1, "the first sample");
            assertTrue(c.freeIrq(a, 1_000));
            d.raise(1);
            Thread.sleep(20);
            assertEquals(1, d.counters().popped(), "no handler runs after free_irq");
        }
    }
}
