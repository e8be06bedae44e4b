package io.wakepath.poll;

import io.wakepath.core.Layer;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.StrategyRegistry;


/** The registry of poll strategies: the only list of them. */
public final class PollStrategies {
    private static final String LOCKED = "ReentrantLock + deque";

    public static final StrategyRegistry<PollStrategy> REGISTRY =
            StrategyRegistry.<PollStrategy>of(Layer.POLL, "poll strategy")
            .byDefault(new PollStrategy(StrategyInfo.correct(Layer.POLL, LockedReadyListPoll.class,
                    "epoll ready list under a lock (the kernel's ep->lock), fenced poll_wait"), LOCKED,
                    LockedReadyListPoll::new))
            .add(new PollStrategy(StrategyInfo.correct(Layer.POLL, LockFreeReadyListPoll.class,
                    "epoll ready list as a lock-free queue, items claimed by CAS, fenced poll_wait"),
                    "ConcurrentLinkedQueue (lock-free)", LockFreeReadyListPoll::new))
            .add(new PollStrategy(StrategyInfo.broken(Layer.POLL, BrokenBroadReadinessPoll.class,
                    "readiness broader than read (IN from a flag read does not use)",
                    ".poll reports IN from the device's pending flag: IN, then EAGAIN with a single reader"),
                    LOCKED, BrokenBroadReadinessPoll::new))
            .add(new PollStrategy(StrategyInfo.broken(Layer.POLL, BrokenRegistrationRacePoll.class,
                    "registration race (no fence between poll_wait and the readiness check)",
                    "poll_wait without smp_mb: registration and state read pass each other, a wake is lost"),
                    LOCKED, BrokenRegistrationRacePoll::new))
            .build();

    private PollStrategies() {
    }


}
