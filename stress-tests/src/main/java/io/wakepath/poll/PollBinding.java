package io.wakepath.poll;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.irq.diagnose.WaitTimeouts;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Rule;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The poll layer in {@code check}: every litmus test of this package, chain cases at the chain's poll link (poll(2),
 * epoll LT and ET, exclusive, under signals, timed, a virtual herd), and a user's engine is any {@link Poll} with a
 * public no-argument constructor.
 */
public final class PollBinding implements LayerBinding {
    public static final PollBinding INSTANCE = new PollBinding();

    /** The rule table of this layer (see {@link Rule}). */
    static final List<Rule> RULES = List.of(
            new Rule("poll.in-agrees-with-read",
                    "With one reader, IN means the next nonblocking read returns data: never IN, then EAGAIN.",
                    "Poll.inMask, a driver's .poll",
                    List.of("PollReadAgreementStress", "chain:*"),
                    List.of("broken-broad-readiness", "mutants.CachedReadinessPoll")),
            new Rule("poll.registration",
                    "A wake issued after poll_wait registered cannot be missed by the readiness check that "
                            + "follows it.",
                    "PollTable.wait (poll_wait), eventpoll.c ep_insert",
                    List.of("PollRegistrationRaceStress", "jmm:races", "chain:*"),
                    List.of("broken-registration-race")),
            new Rule("poll.edge-rearm",
                    "An edge-triggered item is re-armed by every new wake, also by one that lands while the item "
                            + "is being delivered.",
                    "Epoll (EPOLLET), eventpoll.c ep_poll_callback / ep_send_events",
                    List.of("EpollEdgeRearmStress", "EpollStaleEdgeStress", "chain:*"),
                    List.of("mutants.CachedReadinessPoll", "mutants.LateUnlinkPoll")),
            new Rule("poll.sleeps-on-empty-wake",
                    "poll(2) returns when an entry is ready, at its timeout or on a signal: a wake that leaves "
                            + "nothing ready is followed by another sleep.",
                    "Poll.poll, fs/select.c do_poll",
                    List.of("PollSpuriousWakeStress", "chain:1-poll-timed"),
                    List.of("mutants.EarlyReturnPoll")),
            new Rule("poll.level-requeue",
                    "A level-triggered item is reported by every wait that finds it ready, with no new wake: "
                            + "delivery puts it back on the ready list while it is ready.",
                    "Epoll (level-triggered), eventpoll.c ep_send_events",
                    List.of("EpollLevelRequeueStress", "chain:4-epoll-lt"),
                    List.of("mutants.NoRequeuePoll")),
            new Rule("poll.oneshot",
                    "EPOLLONESHOT: after one delivery the item is disarmed, whatever wakes come, until "
                            + "EPOLL_CTL_MOD re-arms it; re-armed while ready, it is reported.",
                    "Epoll (EPOLLONESHOT), epoll_ctl(2)",
                    List.of("EpollOneShotStress"),
                    List.of("mutants.OneShotRearmedPoll")),
            new Rule("poll.always-err-hup",
                    "ERR and HUP are always watched: an item added for IN is woken and reported by a hang-up "
                            + "whose wake carries HUP alone.",
                    "epoll(7), eventpoll.c (EPOLLERR | EPOLLHUP added to every item), ep_poll_callback's key filter",
                    List.of("EpollHangUpStress"),
                    List.of("mutants.AskedEventsOnlyPoll")));

    private PollBinding() {
    }

    @Override
    public Layer layer() {
        return Layer.POLL;
    }

    @Override
    public StrategyRegistry<PollStrategy> registry() {
        return PollStrategies.REGISTRY;
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.getPackageName().equals(PollBinding.class.getPackageName());
    }

    /**
     * The registration race is a store-buffering window behind a longer path (epoll's mutex, the item's tables): hit
     * about 3 times a second in the quick configuration on 2 CPUs (18, 19 and 23 times in 6 s of sampling, three
     * runs), so it gets 3 x 1 s per fork instead of 2 x 200 ms. The layer's other races show hundreds of times in
     * 2 x 200 ms (LateUnlinkPoll's stale edge about 500 a second, broken-broad-readiness about 5,000).
     */
    private static final Set<Class<?>> RARE_RACES = Set.of(PollRegistrationRaceStress.class);

    @Override
    public List<String> litmusOptions(Class<?> test, List<String> presetOptions, boolean quick) {
        return quick && RARE_RACES.contains(test)
                ? List.of("-sc", "false", "-f", "1", "-fsm", "1", "-iters", "3", "-time", "1000") : presetOptions;
    }

    @Override
    public List<ChainCase> chainCases(Strategy strategy) {
        return List.of(
                new ChainCase("1-poll", "--read", "poll", "--closed-loop", "1"),
                new ChainCase("1-poll-timed", "--read", "poll", "--timeout", WaitTimeouts.WIDE, "--closed-loop", "1"),
                // edge-triggered readers of one file: each takes edges whose data another read (stale edges), while
                // new wakes race the deliveries
                new ChainCase("4-epoll-et", "--read", "epoll-et", "--readers", "4", "--closed-loop", "2"),
                new ChainCase("4-epoll-lt", "--read", "epoll-lt", "--readers", "4", "--closed-loop", "2"),
                new ChainCase("16-epoll-et-exclusive", "--read", "epoll-et", "--readers", "16", "--exclusive",
                        "--closed-loop", "4"),
                new ChainCase("2-epoll-et-signals", "--read", "epoll-et", "--readers", "2", "--signals", "20",
                        "--closed-loop", "1"),
                new ChainCase("1000-virtual-epoll-et", "--read", "epoll-et", "--readers", "1000", "--virtual",
                        "--exclusive", "--closed-loop", "4"));
    }

    @Override
    public Scenario scenario(Strategy strategy, ChainCase c, long millis, String stall) {
        List<String> options = new ArrayList<>(c.options());
        options.addAll(List.of("--duration", millis + "ms", "--stall", stall));
        return ScenarioOptions.of(options.toArray(String[]::new)).toBuilder().poll((PollStrategy) strategy).build();
    }

    @Override
    public Map<String, Runnable> jmmWorkloads(Strategy strategy) {
        return PollJmmWorkloads.of((PollStrategy) strategy);
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of(new TargetKind(this, "poll", "implements io.wakepath.poll.Poll (poll(2), epoll, the IN rule); "
                + "a public no-argument constructor", (type, options) -> wrap(type)));
    }

    private Strategy wrap(Class<?> type) {
        Constructor<?> c = Target.constructor(type, Poll.class);
        return new PollStrategy(Target.info(type, layer()), "yours", () -> (Poll) Target.instantiate(c));
    }

    @Override
    public void makeOne(Strategy strategy) {
        ((PollStrategy) strategy).create();
    }
}
