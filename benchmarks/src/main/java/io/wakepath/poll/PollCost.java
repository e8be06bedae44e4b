package io.wakepath.poll;

import io.wakepath.ring.RingThroughput;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
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
 * What one poll(2) call costs over {@code pollables} entries when the last one is ready: every entry is polled and
 * registered on its wait queue (with the registration fence), then every registration is removed. One thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
public class PollCost {
    /** The strategy: {@value RingThroughput#FROM_REGISTRY} stands for the registry's list, filled in at run time. */
    @Param(RingThroughput.FROM_REGISTRY)
    public String poll;

    @Param({"1", "16", "256"})
    public int pollables;

    private Poll engine;
    private PollFd[] fds;

    @Setup(Level.Trial)
    public void createPollables() {
        engine = PollStrategies.REGISTRY.byId(RingThroughput.requireContender(poll, "poll")).create();
        fds = new PollFd[pollables];
        for (int i = 0; i < pollables; i++) {
            fds[i] = new PollFd(new TestPollable(engine, new KernelStyleWaitQueue()), PollEvents.POLLIN);
        }
        ((TestPollable) fds[pollables - 1].pollable()).push(1);      // the last is ready: a full pass, no sleep
    }

    @Benchmark
    public int pollAllReadyLast() {
        return engine.poll(fds, 0);
    }
}
