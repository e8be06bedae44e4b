package io.wakepath.latency;

import io.wakepath.irq.EventPattern;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's scenarios: hand-offs (floors, peers, every correct wait queue), the chain by read mode, compositions
 * and herd scaling.
 */
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
        for (WaitQueueStrategy wq : WaitQueueStrategies.REGISTRY.all()) {
            if (wq.correct()) {
                results.add(HandoffLatency.measure("waitqueue-" + wq.id(), "waitqueue",
                        "SPSC ring + wait queue " + wq.id() + " (" + wq.sleep() + "): a driver's blocking read",
                        () -> Channels.waitQueue(wq), pattern, millis, seed, idleMillis));
            }
        }
        return results;
    }

    /** The chain from the hardware event to read, poll, epoll LT and ET: one reader, the reference composition. */
    static List<LatencyResult> readModes(long millis, long seed) throws InterruptedException {
        List<LatencyResult> results = new ArrayList<>();
        for (String mode : List.of("blocking", "poll", "epoll-lt", "epoll-et")) {
            results.add(ChainLatency.measure("chain-" + mode, "chain",
                    "device -> IRQ -> mpmc-sequence ring -> kernel-style wait queue -> " + mode + " read, 1 reader",
                    chain(millis, seed, "--read", mode)));
        }
        return results;
    }

    /**
     * Compositions: the chain with each correct strategy at one link (the others the reference ones), blocking reads
     * for rings and wait queues, epoll ET for poll strategies.
     */
    static List<LatencyResult> compositions(long millis, long seed) throws InterruptedException {
        List<LatencyResult> results = new ArrayList<>();
        for (io.wakepath.ring.RingStrategy ring : io.wakepath.ring.RingStrategies.REGISTRY.all()) {
            if (ring.correct()) {
                results.add(ChainLatency.measure("compose-ring-" + ring.id(), "composition",
                        "the chain with ring " + ring.id() + ", 1 blocking reader", chain(millis, seed, "--ring",
                                ring.id())));
            }
        }
        for (WaitQueueStrategy wq : WaitQueueStrategies.REGISTRY.all()) {
            if (wq.correct()) {
                results.add(ChainLatency.measure("compose-waitqueue-" + wq.id(), "composition",
                        "the chain with wait queue " + wq.id() + ", 1 blocking reader", chain(millis, seed,
                                "--waitqueue", wq.id())));
            }
        }
        for (io.wakepath.poll.PollStrategy poll : io.wakepath.poll.PollStrategies.REGISTRY.all()) {
            if (poll.correct()) {
                results.add(ChainLatency.measure("compose-poll-" + poll.id(), "composition",
                        "the chain with poll strategy " + poll.id() + ", 1 epoll-ET reader", chain(millis, seed,
                                "--poll", poll.id(), "--read", "epoll-et")));
            }
        }
        return results;
    }

    /**
     * Herd scaling: blocking readers on one device, exclusive waits (a wake wakes one) against non-exclusive (a wake
     * wakes all), 1 to 64 platform threads and {@code virtualReaders} virtual ones.
     */
    static List<LatencyResult> herd(long millis, long seed, List<Integer> virtualReaders) throws InterruptedException {
        List<LatencyResult> results = new ArrayList<>();
        for (boolean exclusive : List.of(true, false)) {
            String kind = exclusive ? "exclusive" : "all";
            for (int readers : List.of(1, 4, 16, 64)) {
                results.add(herdCase(millis, seed, kind, exclusive, readers, false));
            }
            for (int readers : virtualReaders) {
                results.add(herdCase(millis, seed, kind, exclusive, readers, true));
            }
        }
        return results;
    }

    private static LatencyResult herdCase(long millis, long seed, String kind, boolean exclusive, int readers,
                                          boolean virtual) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--readers", Integer.toString(readers), "--stall", "1s"));
        if (exclusive) {
            args.add("--exclusive");
        }
        if (virtual) {
            args.add("--virtual");
        }
        return ChainLatency.measure("herd-" + kind + "-" + readers + (virtual ? "v" : ""), "herd-" + kind,
                readers + (virtual ? " virtual" : " platform") + " blocking readers, "
                        + (exclusive ? "exclusive waits (a wake wakes one)" : "non-exclusive (a wake wakes all)"),
                chain(millis, seed, args.toArray(String[]::new)));
    }

    private static io.wakepath.irq.diagnose.Scenario chain(long millis, long seed, String... extra) {
        List<String> args = new ArrayList<>(List.of("--rate", Long.toString((long) RATE), "--duration", millis + "ms",
                "--seed", Long.toString(seed), "--neighbours", "0"));
        args.addAll(List.of(extra));
        return io.wakepath.irq.diagnose.ScenarioOptions.of(args.toArray(String[]::new));
    }
}
