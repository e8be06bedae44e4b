package io.wakepath.irq;

import io.wakepath.irq.driver.CharDriver;
import io.wakepath.irq.driver.HardIrqDriver;
import io.wakepath.irq.driver.OpenFile;
import io.wakepath.irq.ledger.Ledger;
import io.wakepath.irq.ledger.ReaderLedger;
import io.wakepath.poll.PollStrategies;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.SpscReleaseAcquireRing;
import io.wakepath.waitqueue.WaitQueueStrategies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the ledger costs on the chain's own path: one thread moves a batch of samples through the whole chain -- the
 * source stamps and raises them, the driver's hard handler acks, drains them into the ring and wakes (nobody sleeps:
 * the fenced fast path), a reader reads them and its ledger times and checks each one -- with the ledger on, and
 * with a ledger that records nothing. The ratio of the two is the price of leaving it on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LedgerOverhead {
    static final int BATCH = 16;

    @Param({"on", "off"})
    public String ledger;

    private Ledger theLedger;
    private Device device;
    private CharDriver driver;
    private OpenFile file;
    private ReaderLedger reader;
    private final long[] buf = new long[BATCH];
    private long sample;

    @Setup(Level.Trial)
    public void setUp() {
        theLedger = new Ledger(ledger.equals("on"));
        device = new Device("bench", 64);
        // one producer and one reader on one thread: the cheapest correct ring for it, the default other links
        driver = new HardIrqDriver(new CharDriver.Parts(device, new SpscReleaseAcquireRing(RingConfig.of(1024)),
                WaitQueueStrategies.REGISTRY.byDefault()::create, PollStrategies.REGISTRY.byDefault().create(),
                theLedger));
        file = driver.open(false);
        reader = theLedger.reader("bench");
    }

    /** One batch of samples through the chain; the score is per sample. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int sampleThroughTheChain() {
        for (int i = 0; i < BATCH; i++) {
            long now = System.nanoTime();
            theLedger.raising(sample, now, now);
            device.raise(sample++);
        }
        driver.hardIrq();
        int n = file.read(buf, true);
        if (n > 0) {
            reader.read(buf, n, System.nanoTime());
        }
        return n;
    }
}
