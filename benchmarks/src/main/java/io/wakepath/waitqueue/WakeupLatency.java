package io.wakepath.waitqueue;

import io.wakepath.ring.RingThroughput;
import org.HdrHistogram.Histogram;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Control;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Many-reader wake-up latency as a JMH benchmark: one producer thread and N reader threads in one thread group
 * ({@code -tg 1,N}; the default is 1 reader). The readers sleep on the wait queue under test (exclusive or not); each
 * operation of the producer posts one token, wakes the queue, and waits until a reader has taken it: its time is one
 * wake-up, from the wake call to a reader running with the token. Between operations the producer pauses (untimed, in
 * an invocation-level setup) so that the readers are asleep again. JMH's SampleTime gives the percentiles; the same
 * samples go to an HdrHistogram written beside JMH's results as {@code wakeup-<waitqueue>-<exclusive|all>-<N>.hgrm}
 * in {@code -Dwakepath.hgrm.dir} (default {@code target/wakepath/bench/wakeup}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WakeupLatency -tg 1,16 -p waitqueue=kernel-style,lock-free</pre>
 *
 * Readers wait in 1 ms slices that check JMH's {@link Control}, so none is left asleep when an iteration ends.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WakeupLatency {
    private static final long SLICE_NANOS = 1_000_000;
    /** The untimed pause between wakes: long enough for a woken reader to go back to sleep. */
    private static final long PAUSE_NANOS = 100_000;

    /** The strategy: {@value RingThroughput#FROM_REGISTRY} stands for the registry's list, filled in at run time. */
    @Param(RingThroughput.FROM_REGISTRY)
    public String waitqueue;

    /** Exclusive waits (a wake wakes one reader) or not (a wake wakes every reader). */
    @Param({"true", "false"})
    public boolean exclusive;

    private WaitQueue queue;
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private final Histogram histogram = new Histogram(1, TimeUnit.SECONDS.toNanos(10), 3);   // producer only
    private String file;

    @Setup(Level.Trial)
    public void create(BenchmarkParams params) {
        WaitQueueStrategy strategy = WaitQueueStrategies.REGISTRY.byId(RingThroughput.requireContender(waitqueue, "waitqueue"));
        queue = strategy.create();
        int readers = params.getThreadGroups()[1];
        file = "wakeup-" + strategy.id() + "-" + (exclusive ? "exclusive" : "all") + "-" + readers + ".hgrm";
    }

    @Setup(Level.Invocation)
    public void pause() {
        LockSupport.parkNanos(PAUSE_NANOS);
    }

    @Benchmark
    @Group("wakeup")
    @GroupThreads(1)
    public void producer(Control control) {
        long start = System.nanoTime();
        long token = posted.incrementAndGet();
        queue.wakeUp();
        while (taken.get() < token) {
            if (control.stopMeasurement) {
                return;
            }
            Thread.onSpinWait();
        }
        histogram.recordValue(Math.max(1, System.nanoTime() - start));
    }

    @Benchmark
    @Group("wakeup")
    @GroupThreads(1)
    public void reader(Control control) {
        while (queue.wait(this::tokenWaiting, exclusive, false, SLICE_NANOS) == 0) {
            if (control.stopMeasurement) {
                return;
            }
        }
        for (long t; (t = taken.get()) < posted.get(); ) {
            if (taken.compareAndSet(t, t + 1)) {
                return;
            }
        }
    }

    private boolean tokenWaiting() {
        return taken.get() < posted.get();
    }

    @TearDown(Level.Trial)
    public void writeHistogram() throws IOException {
        Path dir = Path.of(System.getProperty("wakepath.hgrm.dir", "target/wakepath/bench/wakeup"));
        Files.createDirectories(dir);
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve(file)), true,
                StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, 5, 1000.0);      // microseconds
        }
    }
}
