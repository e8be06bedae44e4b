package io.wakepath.ring;

import io.wakepath.bench.BenchQueue;
import io.wakepath.bench.BenchQueues;
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
 * One thread offers an event and polls it back: what a hand-off costs in instructions alone, with no other core
 * and no cache line to wait for -- the floor under {@link SpscRingThroughput}'s free-flowing regime. Not one of
 * {@code wakepath bench}'s families; run it from the jar:
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar SpscOfferPollCost
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = RingThroughput.AGRONA_EXPORTS)
public class SpscOfferPollCost {
    /** The contender: {@value RingThroughput#FROM_REGISTRY} stands for the registries' list, filled in at run time. */
    @Param(RingThroughput.FROM_REGISTRY)
    public String spsc;
    private BenchQueue queue;
    private BenchQueue.Consumer consumer;

    @Setup(Level.Trial)
    public void create() {
        queue = BenchQueues.create(RingThroughput.requireContender(spsc, "spsc"), Topology.SPSC, 1024);
        consumer = queue.newConsumer();
    }

    @Benchmark
    public boolean offerThenPoll() {
        queue.offer();
        return consumer.poll();
    }
}
