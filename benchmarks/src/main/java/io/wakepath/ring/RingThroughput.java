package io.wakepath.ring;

import io.wakepath.bench.BenchQueue;
import io.wakepath.bench.BenchQueues;
import io.wakepath.bench.Placement;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * Ring throughput, one topology per subclass: producers offer and consumers poll as fast as they can, and neither
 * ever waits: a failed offer (full) or poll (empty) is counted and JMH calls again, with no backoff (JCTools'
 * "BackoffNone" discipline). Two shapes: {@code transfer} takes one event per consumer call, {@code batch} up to
 * {@link BenchQueue#BATCH} with each contender's own batch call; producers offer one event per call in both. The
 * score that matters is the {@code pollsMade} counter: events moved per second.
 * {@code offersFailed} and {@code pollsFailed} show which side was waiting for the other. In the batch shape,
 * {@code takesMade} counts the consumer calls that took something: {@code pollsMade / takesMade} near
 * {@link BenchQueue#BATCH} means the consumer stays behind the producer and drains full batches, near 1 that it has
 * caught up and comes back to the slot the producer is filling on every call. (One event per call, a take is an
 * event: not counted there, so that the single shape's consumer does no more than it did.)
 *
 * <p>The contenders (our strategies and the peers) are the subclass's parameter; {@code BenchMain} and
 * {@code wakepath bench} fill it from the registries, so no list of strategies is written here (the annotation holds
 * only the placeholder {@value #FROM_REGISTRY}).
 *
 * <p>Machine: one CPU per producer and consumer thread. The thread groups default to one producer and one consumer,
 * which fits 2 CPUs; there the MPSC and MPMC benchmarks measure each algorithm's multi-producer / multi-consumer
 * protocol without contention. With more CPUs, {@code wakepath bench} raises the thread groups ({@code -tg}).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 2, jvmArgsAppend = RingThroughput.AGRONA_EXPORTS)
public abstract class RingThroughput {
    /** Agrona 2 uses {@code jdk.internal.misc.Unsafe}: every fork needs this. */
    public static final String AGRONA_EXPORTS = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";

    /**
     * The contender parameters' default: JMH needs one, and the real list lives in the registries.
     * {@code BenchMain} (the jar's main) and {@code wakepath bench} replace it with {@code -p spsc=ID,...}.
     */
    public static final String FROM_REGISTRY = "registry";

    /** Large enough that the producer rarely finds the ring full and the consumer rarely finds it empty. */
    @Param("16384")
    public int capacity;

    private BenchQueue queue;

    abstract Topology topology();

    /** The contender's id: one of ours or a peer's. */
    abstract String contender();

    @Setup(Level.Trial)
    public void createQueue() {
        queue = BenchQueues.create(requireContender(contender(), topology().name().toLowerCase()), topology(),
                capacity);
    }

    /** {@code value}, unless it is still the placeholder: then a clear error naming the parameter to give. */
    public static String requireContender(String value, String param) {
        if (FROM_REGISTRY.equals(value)) {
            throw new IllegalStateException("no contender: run through benchmarks.jar's main class or wakepath bench,"
                    + " or give -p " + param + "=ID[,ID...] (ids: wakepath list)");
        }
        return value;
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class OfferCounters {
        public long offersMade;
        public long offersFailed;

        @Setup(Level.Trial)
        public void place(ThreadParams params) {
            Placement.pinIfAsked(params);
        }

        @Setup(Level.Iteration)
        public void reset() {
            offersMade = 0;
            offersFailed = 0;
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class PollCounters {
        public long pollsMade;
        public long pollsFailed;
        public long takesMade;
        BenchQueue.Consumer consumer;

        @Setup(Level.Trial)
        public void place(ThreadParams params) {
            Placement.pinIfAsked(params);
        }

        @Setup(Level.Iteration)
        public void reset() {
            pollsMade = 0;
            pollsFailed = 0;
            takesMade = 0;
        }

        BenchQueue.Consumer consumer(BenchQueue queue) {
            if (consumer == null) {
                consumer = queue.newConsumer();      // once per consumer thread
            }
            return consumer;
        }
    }

    /** Both shapes' producer: one event per call. */
    private void offerOne(OfferCounters counters) {
        if (queue.offer()) {
            counters.offersMade++;
        } else {
            counters.offersFailed++;
        }
    }

    @Benchmark
    @Group("transfer")
    @GroupThreads(1)
    public void offer(OfferCounters counters) {
        offerOne(counters);
    }

    /** Single-event shape: one event per call. */
    @Benchmark
    @Group("transfer")
    @GroupThreads(1)
    public void poll(PollCounters counters) {
        if (counters.consumer(queue).poll()) {
            counters.pollsMade++;
        } else {
            counters.pollsFailed++;
        }
    }

    @Benchmark
    @Group("batch")
    @GroupThreads(1)
    public void batchOffer(OfferCounters counters) {
        offerOne(counters);
    }

    /** Batch shape: up to {@link BenchQueue#BATCH} events per call, with each contender's own batch read. */
    @Benchmark
    @Group("batch")
    @GroupThreads(1)
    public void batchDrain(PollCounters counters) {
        int taken = counters.consumer(queue).drain();
        if (taken > 0) {
            counters.pollsMade += taken;
            counters.takesMade++;
        } else {
            counters.pollsFailed++;
        }
    }
}
