package io.wakepath.poll;

import io.wakepath.core.Layer;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.UsageException;

import java.util.List;

/** The registry of poll strategies: the only list of them. */
public final class PollStrategies {
    private static final String LOCKED = "ReentrantLock + deque";

    private static final List<PollStrategy> ALL = List.of(
            new PollStrategy(StrategyInfo.correct(Layer.POLL, LockedReadyListPoll.class,
                    "epoll ready list under a lock (the kernel's ep->lock), fenced poll_wait"), LOCKED,
                    LockedReadyListPoll::new),
            new PollStrategy(StrategyInfo.correct(Layer.POLL, LockFreeReadyListPoll.class,
                    "epoll ready list as a lock-free queue, items claimed by CAS, fenced poll_wait"),
                    "ConcurrentLinkedQueue (lock-free)", LockFreeReadyListPoll::new),
            new PollStrategy(StrategyInfo.broken(Layer.POLL, BrokenBroadReadinessPoll.class,
                    "readiness broader than read (IN from a flag read does not use)",
                    ".poll reports IN from the device's pending flag: IN, then EAGAIN with a single reader"),
                    LOCKED, BrokenBroadReadinessPoll::new),
            new PollStrategy(StrategyInfo.broken(Layer.POLL, BrokenRegistrationRacePoll.class,
                    "registration race (no fence between poll_wait and the readiness check)",
                    "poll_wait without smp_mb: registration and state read pass each other, a wake is lost"),
                    LOCKED, BrokenRegistrationRacePoll::new));

    private PollStrategies() {
    }

    public static List<PollStrategy> all() {
        return ALL;
    }

    /** @throws UsageException naming the known ids when there is no such strategy */
    public static PollStrategy byId(String id) {
        for (PollStrategy s : ALL) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new UsageException("unknown poll strategy '" + id + "' (known: "
                + String.join(", ", ALL.stream().map(PollStrategy::id).toList()) + ")");
    }
}
