package io.wakepath.latency;

import io.wakepath.irq.EventPattern;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.util.ArrayList;
import java.util.List;

/** The hand-off scenarios of the report: floors and peers measured in the same run, then every correct wait queue. */
final class Scenarios {
    /** Events per second: a mean gap of 500 us, long against a wake-up, so every event finds the consumer asleep. */
    static final double RATE = 2_000;

    private Scenarios() {
    }

    static List<LatencyResult> handoffs(long millis, long idleMillis, long seed) throws InterruptedException {
        EventPattern pattern = EventPattern.poisson(RATE);
        List<LatencyResult> results = new ArrayList<>();
        results.add(HandoffLatency.measure("floor-busy-spin", "floor",
                "busy-spin hand-off: the consumer never sleeps (the latency floor, one CPU burnt)",
                Channels::busySpin, pattern, millis, seed, idleMillis));
        results.add(HandoffLatency.measure("floor-park-unpark", "floor",
                "raw park/unpark hand-off: one sleep, one wake, nothing else (the blocking floor)",
                Channels::parkUnpark, pattern, millis, seed, idleMillis));
        results.add(HandoffLatency.measure("peer-array-blocking-queue", "peer",
                "java.util.concurrent.ArrayBlockingQueue offer/take", Channels::arrayBlockingQueue, pattern, millis,
                seed, idleMillis));
        results.add(HandoffLatency.measure("peer-disruptor-blocking", "peer",
                "LMAX Disruptor 4, single producer, BlockingWaitStrategy", Channels::disruptorBlocking, pattern,
                millis, seed, idleMillis));
        for (WaitQueueStrategy wq : WaitQueueStrategies.all()) {
            if (wq.correct()) {
                results.add(HandoffLatency.measure("waitqueue-" + wq.id(), "waitqueue",
                        "SPSC ring + wait queue " + wq.id() + " (" + wq.sleep() + "): a driver's blocking read",
                        () -> Channels.waitQueue(wq), pattern, millis, seed, idleMillis));
            }
        }
        return results;
    }

    public static void main(String[] args) throws InterruptedException {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 2_000;
        for (LatencyResult r : handoffs(millis, 500, 1)) {
            System.out.printf("%-32s p50 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us  cpu/event %7.1f us  idle %5.1f%%  n=%d%n",
                    r.name(), r.p50() / 1e3, r.p99() / 1e3, r.raw().getValueAtPercentile(99.9) / 1e3,
                    r.raw().getMaxValue() / 1e3, r.cpuPerEventNanos() / 1e3, r.idleCpuPercent(), r.events());
        }
    }
}
