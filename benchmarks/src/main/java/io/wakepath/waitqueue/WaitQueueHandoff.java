package io.wakepath.waitqueue;

import io.wakepath.ring.RingThroughput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wait/wake hand-offs, measured as a ping-pong: two threads take turns, each waiting on the queue for its turn,
 * then giving the turn to the other and waking it. A thread's operation lasts from its turn to its next turn: a
 * round trip of two hand-offs, each a wake, a context switch (for the sleeping strategies) and a condition re-check. Waits are sliced into 1 ms timed waits that check JMH's
 * {@link Control}, so the thread left waiting when an iteration ends is released. Needs 2 CPUs.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
public class WaitQueueHandoff {
    private static final long SLICE_NANOS = 1_000_000;
    private static final int PING = 0;
    private static final int PONG = 1;

    /** The strategy: {@value RingThroughput#FROM_REGISTRY} stands for the registry's list, filled in at run time. */
    @Param(RingThroughput.FROM_REGISTRY)
    public String waitqueue;

    private WaitQueue queue;
    private final AtomicInteger turn = new AtomicInteger(PING);

    @Setup(Level.Trial)
    public void createQueue() {
        queue = WaitQueueStrategies.REGISTRY.byId(RingThroughput.requireContender(waitqueue, "waitqueue")).create();
    }

    @Benchmark
    @Group("pingPong")
    @GroupThreads(1)
    public void ping(Control control) {
        handOff(PING, PONG, control);
    }

    @Benchmark
    @Group("pingPong")
    @GroupThreads(1)
    public void pong(Control control) {
        handOff(PONG, PING, control);
    }

    private void handOff(int mine, int theirs, Control control) {
        while (queue.waitEventTimeout(() -> turn.get() == mine, SLICE_NANOS) == 0) {
            if (control.stopMeasurement) {
                return;
            }
        }
        turn.set(theirs);
        queue.wakeUp();
    }
}
