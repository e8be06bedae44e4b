package io.wakepath.irq.diagnose;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Identified;
import io.wakepath.core.UsageException;
import io.wakepath.irq.EventPattern;
import io.wakepath.irq.IrqLine;
import io.wakepath.irq.driver.DriverStrategies;
import io.wakepath.poll.PollStrategies;
import io.wakepath.ring.Framing;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.ReaderMode;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.waitqueue.WaitQueueStrategies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Scenario} on the command line: the options of {@code wakepath diagnose} (and of every chain case, which are
 * written as those options), their parsing with every combination checked, and the way back: a scenario as the
 * report shows it and as options that replay it.
 */
public final class ScenarioOptions {
    private ScenarioOptions() {
    }

    public static final CommandLine OPTIONS = new CommandLine("diagnose",
            "one run of the whole chain (device -> IRQ -> ring -> wait queue -> poll -> read): its ledger and the "
                    + "eight checks, each PASS / WARN / FAIL with evidence; exit 1 when one fails")
            .option("--driver", "ID", "driver variant (default " + DriverStrategies.REGISTRY.byDefault().id()
                    + "; see: wakepath list)")
            .option("--ring", "ID", "ring strategy (default " + RingStrategies.REGISTRY.byDefault().id() + ")")
            .option("--capacity", "N", "ring capacity, a power of two (default 1024)")
            .option("--overflow", "POLICY", Identified.ids(OverflowPolicy.class, " | ") + " (default "
                    + OverflowPolicy.REPORT_OVERFLOW.id() + ")")
            .option("--waitqueue", "ID", "wait-queue strategy (default " + WaitQueueStrategies.REGISTRY.byDefault().id()
                    + ")")
            .option("--poll", "ID", "poll strategy (default " + PollStrategies.REGISTRY.byDefault().id() + ")")
            .option("--read", "MODE", Identified.ids(ReadMode.class, " | ") + " (default blocking)")
            .option("--framing", "KIND", "frames | bytes: readers read whole samples, or a byte stream in reads of 13 "
                    + "bytes, reassembled (one reader; the ring must support byte streams) (default frames)")
            .option("--readers", "N", "reader threads, 1 to 10000 (default 1)")
            .flag("--exclusive", "exclusive waits: a wake wakes one blocking reader (EPOLLEXCLUSIVE with epoll)")
            .flag("--virtual", "readers on virtual threads")
            .option("--pattern", "KIND", Identified.ids(EventPattern.Kind.class, " | ") + " (default poisson)")
            .option("--rate", "N", "samples per second, e.g. 10000 or 10k (default 10k)")
            .option("--burst", "N", "samples per burst, with --pattern bursts (default 16)")
            .option("--duration", "TIME", "how long samples arrive, e.g. 2s or 500ms (default 2s)")
            .option("--seed", "N", "seed of the arrival schedule (default 1)")
            .option("--line", "KIND", Identified.ids(IrqLine.Trigger.class, " | ") + " interrupt line (default level)")
            .option("--fifo", "N", "hardware FIFO depth (default 256)")
            .option("--neighbours", "N", "other devices sharing the line, 0 to 8 (default 1)")
            .option("--stall", "TIME", "readable while every reader waits longer than this = lost wakeup (default 200ms)")
            .option("--batch", "N", "samples per read call (default 64)")
            .option("--closed-loop", "N", "instead of --pattern: raise N samples, wait until they are read, repeat "
                    + "(a lost wakeup is never healed by a later sample)")
            .option("--signals", "N", "interrupts per second sent to random readers, which restart the call (default 0)")
            .option("--timeout", "RANGE", "readers wait with a timeout drawn from RANGE (log-uniform), e.g. "
                    + WaitTimeouts.WIDE + " or 200ms, then look again (default: no timeout)")
            .option("--out", "DIR", "where diagnose.json goes (default target/wakepath/diagnose)")
            .flag("--json", "print the JSON result instead of the text report");

    /** The scenario the options describe. @throws UsageException with a one-line reason */
    public static Scenario from(CommandLine.Parsed p) {
        Scenario.Builder b = Scenario.builder();
        RingStrategy ring = p.value("--ring").map(RingStrategies.REGISTRY::byId)
                .orElse(RingStrategies.REGISTRY.byDefault());
        int capacity = p.integer("--capacity", 1024, 2, RingConfig.MAX_CAPACITY);
        OverflowPolicy policy = p.value("--overflow").map(OverflowPolicy::byId).orElse(OverflowPolicy.REPORT_OVERFLOW);
        Framing framing = p.value("--framing").map(ScenarioOptions::framing).orElse(Framing.FRAME);
        RingConfig config;
        try {
            config = new RingConfig(capacity, policy, framing, ReaderMode.SHARED);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String why = ring.capabilities().whyNot(config);
        if (why != null) {
            throw new UsageException("ring " + ring.id() + " does not support " + why);
        }
        b.ring(ring).ringConfig(config);
        p.value("--waitqueue").map(WaitQueueStrategies.REGISTRY::byId).ifPresent(b::waitQueue);
        p.value("--poll").map(PollStrategies.REGISTRY::byId).ifPresent(b::poll);
        p.value("--driver").map(DriverStrategies.REGISTRY::byId).ifPresent(b::driver);
        p.value("--read").map(ReadMode::byId).ifPresent(b::read);
        int readers = p.integer("--readers", 1, 1, 10_000);
        if (readers > 1 && !ring.topology().multiConsumer()) {
            throw new UsageException("ring " + ring.id() + " has a single consumer: use --readers 1, or a "
                    + "multi-consumer ring (" + String.join(", ", RingStrategies.REGISTRY.correct().stream()
                    .filter(r -> r.topology().multiConsumer()).map(RingStrategy::id).toList()) + ")");
        }
        if (readers > 1 && framing == Framing.BYTE_STREAM) {
            throw new UsageException("--framing bytes takes one reader: readers sharing a byte stream split its "
                    + "samples between them (got --readers " + readers + ")");
        }
        boolean virtual = p.has("--virtual");
        if (readers > 256 && !virtual) {
            throw new UsageException("more than 256 readers need --virtual (got --readers " + readers + ")");
        }
        b.readers(readers).exclusive(p.has("--exclusive")).virtualThreads(virtual);
        EventPattern.Kind kind = p.value("--pattern").map(EventPattern.Kind::byId).orElse(EventPattern.Kind.POISSON);
        double rate = p.rate("--rate", "10k", 1);
        int burst = p.integer("--burst", 16, 1, 1 << 20);
        if (p.has("--burst") && kind != EventPattern.Kind.BURSTS) {
            throw new UsageException("--burst goes with --pattern bursts");
        }
        b.pattern(switch (kind) {
            case PERIODIC -> EventPattern.periodic(rate);
            case POISSON -> EventPattern.poisson(rate);
            case BURSTS -> EventPattern.bursts(rate, burst);
        });
        b.durationMillis(p.millis("--duration", "2s", 10, 3_600_000)).seed(p.longValue("--seed", 1));
        p.value("--line").map(IrqLine.Trigger::byId).ifPresent(b::trigger);
        int fifo = p.integer("--fifo", 256, 1, 1 << 20);
        b.fifoDepth(fifo).neighbours(p.integer("--neighbours", 1, 0, 8))
                .stallMillis(p.millis("--stall", "200ms", 10, 60_000)).batch(p.integer("--batch", 64, 1, 1 << 16));
        int closedLoop = p.integer("--closed-loop", 0, 0, Math.min(fifo, capacity));
        if (closedLoop > 0 && (p.has("--pattern") || p.has("--rate") || p.has("--burst"))) {
            throw new UsageException("--closed-loop replaces --pattern, --rate and --burst: use one or the other");
        }
        b.closedLoop(closedLoop).signals(p.has("--signals") ? p.rate("--signals", "0", 0) : 0);
        p.value("--timeout").map(t -> WaitTimeouts.parse(t, one -> CommandLine.millis("--timeout", one, 1, 60_000)))
                .ifPresent(b::timeouts);
        return b.build();
    }

    private static Framing framing(String id) {
        return switch (id) {
            case "frames" -> Framing.FRAME;
            case "bytes" -> Framing.BYTE_STREAM;
            default -> throw new UsageException("unknown --framing '" + id + "' (known: frames, bytes)");
        };
    }

    /** The default scenario, changed by {@code args} (as on the command line). */
    public static Scenario of(String... args) {
        return from(OPTIONS.parse(args));
    }

    /** The scenario as the report shows it (and as options that replay it). */
    public static Map<String, Object> describe(Scenario s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("driver", s.driver().id());
        d.put("ring", s.ring().id());
        d.put("capacity", s.ringConfig().capacity());
        d.put("overflow", s.ringConfig().policy().id());
        d.put("framing", s.ringConfig().framing() == Framing.BYTE_STREAM ? "bytes" : "frames");
        d.put("waitqueue", s.waitQueue().id());
        d.put("poll", s.poll().id());
        d.put("read", s.read().id());
        d.put("readers", s.readers());
        d.put("exclusive", s.exclusive());
        d.put("virtual", s.virtualThreads());
        d.put("pattern", s.pattern().toString());
        d.put("durationMs", s.durationMillis());
        d.put("seed", s.seed());
        d.put("line", s.trigger().id());
        d.put("fifo", s.fifoDepth());
        d.put("neighbours", s.neighbours());
        d.put("stallMs", s.stallMillis());
        d.put("batch", s.batch());
        d.put("closedLoop", s.closedLoop());
        d.put("signals", s.signals());
        d.put("timeout", s.timeouts().toString());
        return d;
    }

    /** Command-line options that replay this scenario. */
    public static String replay(Scenario s) {
        StringBuilder sb = new StringBuilder("./wakepath diagnose");
        sb.append(" --driver ").append(s.driver().id()).append(" --ring ").append(s.ring().id())
                .append(" --capacity ").append(s.ringConfig().capacity())
                .append(" --overflow ").append(describe(s).get("overflow"))
                .append(s.ringConfig().framing() == Framing.BYTE_STREAM ? " --framing bytes" : "")
                .append(" --waitqueue ").append(s.waitQueue().id()).append(" --poll ").append(s.poll().id())
                .append(" --read ").append(s.read().id()).append(" --readers ").append(s.readers());
        if (s.exclusive()) {
            sb.append(" --exclusive");
        }
        if (s.virtualThreads()) {
            sb.append(" --virtual");
        }
        if (s.closedLoop() > 0) {
            sb.append(" --closed-loop ").append(s.closedLoop());
        } else {
            sb.append(" --pattern ").append(s.pattern().kind().id())
                    .append(" --rate ").append((long) s.pattern().rate());
            if (s.pattern().kind() == EventPattern.Kind.BURSTS) {
                sb.append(" --burst ").append(s.pattern().burst());
            }
        }
        if (s.signals() > 0) {
            sb.append(" --signals ").append((long) s.signals());
        }
        if (s.timeouts().timed()) {
            sb.append(" --timeout ").append(s.timeouts());
        }
        sb.append(" --duration ").append(s.durationMillis()).append("ms --seed ").append(s.seed())
                .append(" --line ").append(describe(s).get("line")).append(" --fifo ").append(s.fifoDepth())
                .append(" --neighbours ").append(s.neighbours())
                .append(" --stall ").append(s.stallMillis()).append("ms")
                .append(" --batch ").append(s.batch());
        return sb.toString();
    }
}
