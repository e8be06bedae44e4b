package io.wakepath.ring;

import io.wakepath.core.Layer;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.StrategyRegistry;

import java.util.function.Function;

/**
 * The registry of ring strategies: the only list of them. Tests, stress tests, benchmarks and the command line
 * enumerate it; {@code mpmc-sequence} is what a chain uses unless told otherwise.
 */
public final class RingStrategies {
    public static final StrategyRegistry<RingStrategy> REGISTRY =
            StrategyRegistry.<RingStrategy>of(Layer.RING, "ring strategy")
            .add(correct(MonitorLockedRing.class, MonitorLockedRing.CAPABILITIES, MonitorLockedRing::new,
                    "every operation inside the ring's monitor (synchronized); any topology, every mode"))
            .add(correct(ReentrantLockRing.class, ReentrantLockRing.CAPABILITIES, ReentrantLockRing::new,
                    "every operation under a ReentrantLock (the ArrayBlockingQueue idiom); any topology, every mode"))
            .add(correct(SpscReleaseAcquireRing.class, SpscReleaseAcquireRing.CAPABILITIES, SpscReleaseAcquireRing::new,
                    "kfifo: single producer/consumer, release/acquire index hand-off, cached opposite index"))
            .add(correct(SpscStampedRing.class, SpscStampedRing.CAPABILITIES, SpscStampedRing::new,
                    "single producer/consumer handing off through per-cell stamps (FastFlow, as JCTools): no shared index"))
            .add(correct(SpscMarkedRing.class, SpscMarkedRing.CAPABILITIES, SpscMarkedRing::new,
                    "single producer/consumer: a slot holds its event or its sequence's empty marker; consumer never writes slots"))
            .add(correct(SpscCompactRing.class, SpscCompactRing.CAPABILITIES, SpscCompactRing::new,
                    "single producer/consumer, JCTools' slot hand-off in 4-byte slots; wider-than-int events beside"))
            .add(correct(SpscVolatileRing.class, SpscVolatileRing.CAPABILITIES, SpscVolatileRing::new,
                    "single producer/consumer with volatile indices: correct, a full fence per index update"))
            .add(correct(MpscCompactRing.class, MpscCompactRing.CAPABILITIES, MpscCompactRing::new,
                    "many producers (CAS on tail, a shared cached limit), one consumer, on spsc-compact's 4-byte slots"))
            .add(correct(MpscSequenceRing.class, MpscSequenceRing.CAPABILITIES, MpscSequenceRing::new,
                    "many producers (CAS on tail), one consumer; per-cell sequence stamps publish the values"))
            .byDefault(correct(MpmcSequenceRing.class, MpmcSequenceRing.CAPABILITIES, MpmcSequenceRing::new,
                    "Vyukov's bounded MPMC queue: per-cell sequence stamps, CAS claims on both sides"))
            .add(broken(BrokenPlainPublishRing.class, BrokenPlainPublishRing.CAPABILITIES, BrokenPlainPublishRing::new,
                    "index published before data (missing release)",
                    "SPSC ring with plain indices, tail stored before the slot: a reader can take a stale slot"))
            .build();

    private RingStrategies() {
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
