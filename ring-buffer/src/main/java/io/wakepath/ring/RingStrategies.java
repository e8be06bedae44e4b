package io.wakepath.ring;

import io.wakepath.core.Layer;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.UsageException;

import java.util.List;
import java.util.function.Function;

/**
 * The registry of ring strategies: the only list of them. Tests, stress tests, benchmarks and the command line
 * enumerate it.
 */
public final class RingStrategies {
    private static final List<RingStrategy> ALL = List.of(
            correct(MonitorLockedRing.class, MonitorLockedRing.CAPABILITIES, MonitorLockedRing::new,
                    "every operation inside the ring's monitor (synchronized); any topology, every mode"),
            correct(ReentrantLockRing.class, ReentrantLockRing.CAPABILITIES, ReentrantLockRing::new,
                    "every operation under a ReentrantLock (the ArrayBlockingQueue idiom); any topology, every mode"),
            correct(SpscReleaseAcquireRing.class, SpscReleaseAcquireRing.CAPABILITIES, SpscReleaseAcquireRing::new,
                    "kfifo: single producer/consumer, release/acquire index hand-off, cached opposite index"),
            correct(SpscStampedRing.class, SpscStampedRing.CAPABILITIES, SpscStampedRing::new,
                    "single producer/consumer handing off through per-cell stamps (FastFlow, as JCTools): no shared index"),
            correct(SpscVolatileRing.class, SpscVolatileRing.CAPABILITIES, SpscVolatileRing::new,
                    "single producer/consumer with volatile indices: correct, a full fence per index update"),
            correct(MpscSequenceRing.class, MpscSequenceRing.CAPABILITIES, MpscSequenceRing::new,
                    "many producers (CAS on tail), one consumer; per-cell sequence stamps publish the values"),
            correct(MpmcSequenceRing.class, MpmcSequenceRing.CAPABILITIES, MpmcSequenceRing::new,
                    "Vyukov's bounded MPMC queue: per-cell sequence stamps, CAS claims on both sides"),
            broken(BrokenPlainPublishRing.class, BrokenPlainPublishRing.CAPABILITIES, BrokenPlainPublishRing::new,
                    "index published before data (missing release)",
                    "SPSC ring with plain indices, tail stored before the slot: a reader can take a stale slot"));

    private RingStrategies() {
    }

    public static List<RingStrategy> all() {
        return ALL;
    }

    /** @throws UsageException naming the known ids when there is no such strategy */
    public static RingStrategy byId(String id) {
        for (RingStrategy s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new UsageException("unknown ring strategy '" + id + "' (known: "
                + String.join(", ", ALL.stream().map(RingStrategy::id).toList()) + ")");
    }

    public static List<StrategyInfo> infos() {
        return ALL.stream().map(RingStrategy::info).toList();
    }

    private static RingStrategy correct(Class<? extends Ring> type, RingCapabilities capabilities,
                                        Function<RingConfig, Ring> factory, String description) {
        return new RingStrategy(StrategyInfo.correct(Layer.RING, type, description), capabilities, factory);
    }

    private static RingStrategy broken(Class<? extends Ring> type, RingCapabilities capabilities,
                                       Function<RingConfig, Ring> factory, String bugClass, String description) {
        return new RingStrategy(StrategyInfo.broken(Layer.RING, type, bugClass, description), capabilities, factory);
    }
}
