package io.wakepath.ring;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyRegistry;
import io.wakepath.core.UsageException;
import io.wakepath.irq.diagnose.Scenario;
import io.wakepath.irq.diagnose.ScenarioOptions;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Rule;
import io.wakepath.stress.harness.RingShape;
import io.wakepath.stress.harness.RingShapes;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ring layer in {@code check}: its litmus tests are those carrying a {@link RingShape} (run on the strategies that
 * support the shape), its chain cases put the ring at the chain's ring link, and a user's ring is any {@link Ring}
 * with a {@code (RingConfig)} constructor and its {@code CAPABILITIES}.
 */
public final class RingBinding implements LayerBinding {
    public static final RingBinding INSTANCE = new RingBinding();

    /** The rule table of this layer (see {@link Rule}). */
    static final List<Rule> RULES = List.of(
            new Rule("ring.publication",
                    "Everything the producer did before offer(e) returned true happens-before the read that "
                            + "returns e: no index visible before its slot, no slot freed before it was read.",
                    "Ring (happens-before)",
                    List.of("RingPublicationStress", "jmm:races"),
                    List.of("broken-plain-publish", "EarlyPublishRing", "mutants.EagerReleaseRing",
                            "mutants.EagerWideReleaseRing", "mutants.PlainTailRing")),
            new Rule("ring.exactly-once",
                    "No event lost, duplicated or reordered: across wrap-around, with two producers claiming at "
                            + "once, and end to end in the chain (the ledger's conservation).",
                    "Ring, RingReader",
                    List.of("RingWrapStress", "RingMultiProducerStress", "chain:*"),
                    List.of("EarlyPublishRing", "mutants.PlainTailRing")),
            new Rule("ring.readiness",
                    "With one reader, isReady() is true exactly when the next read returns data or EOVERFLOW: "
                            + "never ready then nothing, never a pending report or event while not ready.",
                    "Ring (the readiness rule), RingReader.isReady",
                    List.of("RingReadinessStress", "RingLossCountStress"),
                    List.of("mutants.CachedTailRing", "mutants.ClaimedSizeRing", "mutants.ReadyIgnoresLossRing")),
            new Rule("ring.size-bounds",
                    "size() is never negative nor above the capacity, called from any thread while both indices "
                            + "move.",
                    "Ring.size",
                    List.of("RingSizeStress", "RingSizeObserverStress"),
                    List.of("mutants.ClaimedSizeRing")),
            new Rule("ring.loss-report",
                    "REPORT_OVERFLOW: every refused event is reported, once, with its count: the counts the "
                            + "reader is told add up to the events refused.",
                    "OverflowPolicy.REPORT_OVERFLOW, RingReader.lastLoss",
                    List.of("RingOverflowReportStress", "RingLossCountStress"),
                    List.of("mutants.LossFlagRing")),
            new Rule("ring.byte-stream",
                    "A byte stream is a stream: reads of any length, ending anywhere inside an event, concatenate "
                            + "to exactly the bytes of the accepted events, in order; a partly read event is still "
                            + "readable.",
                    "RingReader.read(byte[], int, int), Framing.BYTE_STREAM",
                    List.of("RingByteStreamStress", "RingPublicationStress.Bytes", "chain:1-epoll-et-bytes"),
                    List.of("mutants.DatagramBytesRing")),
            new Rule("ring.broadcast-lap",
                    "A lapped broadcast reader is told how many events it lost and never reads an overwritten "
                            + "slot as the event it expected.",
                    "ReaderMode.BROADCAST",
                    List.of("RingBroadcastLapStress"),
                    List.of("mutants.LapToNewestRing")));

    private RingBinding() {
    }

    @Override
    public Layer layer() {
        return Layer.RING;
    }

    @Override
    public StrategyRegistry<RingStrategy> registry() {
        return RingStrategies.REGISTRY;
    }

    @Override
    public List<Rule> rules() {
        return RULES;
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.isAnnotationPresent(RingShape.class);
    }

    @Override
    public boolean applies(Class<?> test, Strategy strategy) {
        return RingShapes.supportedBy(test, (RingStrategy) strategy);
    }

    @Override
    public List<ChainCase> chainCases(Strategy strategy) {
        List<ChainCase> cases = new ArrayList<>(List.of(
                new ChainCase("1-blocking", "--closed-loop", "1"),
                // one reader polls, then reads: IN must mean that the read returns data (isReady against read)
                new ChainCase("1-poll", "--read", "poll", "--closed-loop", "1"),
                new ChainCase("1-epoll-et", "--read", "epoll-et", "--closed-loop", "8"),
                new ChainCase("overflow-bursts", "--capacity", "16", "--pattern", "bursts", "--rate", "200k",
                        "--burst", "64")));
        if (((RingStrategy) strategy).capabilities().byteStream()) {
            // a byte stream read 13 bytes at a time and reassembled: samples split across reads, edges on partial ones
            cases.add(new ChainCase("1-epoll-et-bytes", "--framing", "bytes", "--read", "epoll-et", "--closed-loop",
                    "8"));
        }
        if (((RingStrategy) strategy).topology().multiConsumer()) {
            cases.add(new ChainCase("4-blocking-exclusive", "--readers", "4", "--exclusive", "--closed-loop", "4"));
            cases.add(new ChainCase("16-epoll-lt", "--readers", "16", "--read", "epoll-lt", "--closed-loop", "4"));
        }
        return cases;
    }

    @Override
    public Scenario scenario(Strategy strategy, ChainCase c, long millis, String stall) {
        RingStrategy ring = (RingStrategy) strategy;
        if (c.readers() > 1 && !ring.topology().multiConsumer()) {
            throw new UsageException("single consumer");
        }
        List<String> options = new ArrayList<>(c.options());
        // the case's framing is the ring's under test, checked below, not the default ring's
        boolean bytes = options.remove("--framing") && options.remove("bytes");
        options.addAll(List.of("--duration", millis + "ms", "--stall", stall, "--overflow", policyFor(ring).id()));
        Scenario base = ScenarioOptions.of(options.toArray(String[]::new));
        RingConfig config = bytes ? new RingConfig(base.ringConfig().capacity(), base.ringConfig().policy(),
                Framing.BYTE_STREAM, base.ringConfig().readers()) : base.ringConfig();
        if (!ring.capabilities().supports(config)) {
            throw new UsageException("unsupported shape");
        }
        return base.toBuilder().ring(ring).ringConfig(config).build();
    }

    /** The overflow policy a chain uses: the first the ring supports, in the order chains prefer them. */
    static OverflowPolicy policyFor(RingStrategy ring) {
        return OverflowPolicy.PREFERENCE.stream().filter(ring.capabilities().sharedPolicies()::contains).findFirst()
                .orElseThrow(() -> new UsageException("no shared frame policy"));
    }

    @Override
    public Map<String, Runnable> jmmWorkloads(Strategy strategy) {
        return RingJmmWorkloads.of((RingStrategy) strategy);
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of(new TargetKind(this, "ring", "implements io.wakepath.ring.Ring; a public constructor "
                        + "(RingConfig) that refuses a shape it does not support with IllegalArgumentException; public "
                        + "static final RingCapabilities CAPABILITIES", (type, options) -> wrap(type)),
                QueueTarget.kind(this));
    }

    private Strategy wrap(Class<?> type) {
        Constructor<?> c = Target.constructor(type, Ring.class, RingConfig.class);
        RingCapabilities capabilities = capabilities(type);
        return new RingStrategy(Target.info(type, layer()), capabilities, config -> (Ring) Target.instantiate(c,
                config));
    }

    @Override
    public void makeOne(Strategy strategy) {
        RingStrategy ring = (RingStrategy) strategy;
        boolean shared = !ring.capabilities().sharedPolicies().isEmpty();
        ring.create(new RingConfig(64, shared ? policyFor(ring) : OverflowPolicy.DROP_OLDEST, Framing.FRAME,
                shared ? ReaderMode.SHARED : ReaderMode.BROADCAST));
    }

    private static RingCapabilities capabilities(Class<?> type) {
        try {
            Field f = type.getField("CAPABILITIES");
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != RingCapabilities.class || f.get(null) == null) {
                throw new NoSuchFieldException();
            }
            return (RingCapabilities) f.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new UsageException(type.getName() + " needs a field 'public static final RingCapabilities "
                    + "CAPABILITIES' saying its topology and supported shapes");
        }
    }
}
