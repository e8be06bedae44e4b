package io.wakepath.waitqueue;

import io.wakepath.ring.RingThroughput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What a producer pays to call {@code wake_up} when nobody waits: the fast path every IRQ handler takes on every
 * event. For the correct strategies that is a full fence and a lockless look at the queue; the broken unfenced one
 * shows what the fence costs. One thread; any machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
public class WaitQueueWakeUpCost {
    /** The strategy: {@value RingThroughput#FROM_REGISTRY} stands for the registry's list, filled in at run time. */
    @Param(RingThroughput.FROM_REGISTRY)
    public String waitqueue;

    private WaitQueue queue;

    @Setup(Level.Trial)
    public void createQueue() {
        queue = WaitQueueStrategies.REGISTRY.byId(RingThroughput.requireContender(waitqueue, "waitqueue")).create();
    }

    @Benchmark
    public int wakeUpNobodyWaiting() {
        return queue.wakeUp();
    }
}
