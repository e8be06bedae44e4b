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
 * Epoll delivery throughput, level- against edge-triggered, on one thread: an event is pushed (the wake runs the
 * item's callback and links it), {@code epoll_wait} delivers it (re-polling the item), the reader drains it. Level-
 * triggered delivery re-links the item and finds it not ready on the next wait; edge-triggered leaves it off the
 * list. The cost of the machinery, without a context switch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(2)
public class EpollDeliveryCost {
    /** The strategy: {@value RingThroughput#FROM_REGISTRY} stands for the registry's list, filled in at run time. */
    @Param(RingThroughput.FROM_REGISTRY)
    public String poll;

    @Param({"LT", "ET"})
    public String trigger;

    private Epoll epoll;
    private TestPollable device;
    private final EpollEvent[] events = {new EpollEvent()};
    private final long[] buf = new long[16];

    @Setup(Level.Trial)
    public void createEpoll() {
        Poll engine = PollStrategies.REGISTRY.byId(RingThroughput.requireContender(poll, "poll")).create();
        epoll = engine.epollCreate();
        device = new TestPollable(engine, new KernelStyleWaitQueue());
        int flags = trigger.equals("ET") ? PollEvents.EPOLLET : 0;
        if (epoll.add(device, PollEvents.POLLIN | flags, 1) != 0) {
            throw new IllegalStateException("epoll add failed");
        }
    }

    @Benchmark
    public int pushWaitRead() {
        device.push(1);
        if (epoll.wait(events, 1, 0) != 1) {
            throw new IllegalStateException("a pushed event was not delivered");
        }
        return device.read(buf);
    }
}
