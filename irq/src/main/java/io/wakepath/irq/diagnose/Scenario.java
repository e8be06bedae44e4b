package io.wakepath.irq.diagnose;

import io.wakepath.core.CommandLine;
import io.wakepath.core.UsageException;
import io.wakepath.irq.EventPattern;
import io.wakepath.irq.IrqLine;
import io.wakepath.irq.driver.DriverStrategies;
import io.wakepath.irq.driver.DriverStrategy;
import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.ReaderMode;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.ring.Framing;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One chain run: which strategy at every link, how readers read, what the hardware receives and for how long.
 * Built from {@code wakepath diagnose} options; every combination is checked here, so a bad one is a one-line usage
 * error before anything runs.
 *
 * @param ring        ring strategy
 * @param ringConfig  capacity and overflow policy (frames, shared readers)
 * @param waitQueue   wait-queue strategy
 * @param poll        poll strategy
 * @param driver      driver variant
 * @param read        how readers wait
 * @param readers     reader threads
 * @param exclusive   exclusive waits (blocking reads) or EPOLLEXCLUSIVE (epoll)
 * @param virtualThreads readers on virtual threads
 * @param pattern     the hardware's arrival schedule
 * @param durationMillis how long the source raises samples
 * @param seed        seeds the schedule (a run can be replayed)
 * @param trigger     level or edge line
 * @param fifoDepth   hardware FIFO depth
 * @param neighbours  other devices sharing the line
 * @param stallMillis data readable while every reader waits longer than this is a lost wakeup
 * @param batch       samples per read call
 * @param closedLoop  0 for the open-loop pattern; else the hardware raises this many samples, then waits until the
 *                    FIFO and the ring are empty before the next round (bounded by twice the stall threshold): a lost
 *                    wakeup is then never healed by a later sample, and the race between a reader going back to sleep
 *                    and the next wake is run once per round
 * @param signals     interrupts (signals) per second sent to random readers, which restart the interrupted call
 *                    (SA_RESTART); 0 for none. With a closed loop each signal is sent just after a round is raised,
 *                    so that it races the wake the round causes
 * @param timeouts    how long each wait (blocking read, poll, epoll_wait) waits before it gives up and looks again
 */
public record Scenario(RingStrategy ring, RingConfig ringConfig, WaitQueueStrategy waitQueue, PollStrategy poll,
                       DriverStrategy driver, ReadMode read, int readers, boolean exclusive, boolean virtualThreads,
                       EventPattern pattern, long durationMillis, long seed, IrqLine.Trigger trigger, int fifoDepth,
                       int neighbours, long stallMillis, int batch, int closedLoop,
                       double signals, WaitTimeouts timeouts) {

    public static final CommandLine OPTIONS = new CommandLine("diagnose",
            "one run of the whole chain (device -> IRQ -> ring -> wait queue -> poll -> read): its ledger and the "
                    + "eight checks, each PASS / WARN / FAIL with evidence; exit 1 when one fails")
            .option("--driver", "ID", "driver variant (default hard-irq; see: wakepath list)")
            .option("--ring", "ID", "ring strategy (default mpmc-sequence)")
            .option("--capacity", "N", "ring capacity, a power of two (default 1024)")
            .option("--overflow", "POLICY", String.join(" | ", java.util.Arrays.stream(OverflowPolicy.values())
                    .map(OverflowPolicy::id).toList()) + " (default " + OverflowPolicy.REPORT_OVERFLOW.id() + ")")
            .option("--waitqueue", "ID", "wait-queue strategy (default kernel-style)")
            .option("--poll", "ID", "poll strategy (default locked-ready-list)")
            .option("--read", "MODE", "blocking | poll | epoll-lt | epoll-et (default blocking)")
            .option("--readers", "N", "reader threads, 1 to 10000 (default 1)")
            .flag("--exclusive", "exclusive waits: a wake wakes one blocking reader (EPOLLEXCLUSIVE with epoll)")
            .flag("--virtual", "readers on virtual threads")
            .option("--pattern", "KIND", "periodic | poisson | bursts (default poisson)")
            .option("--rate", "N", "samples per second, e.g. 10000 or 10k (default 10k)")
            .option("--burst", "N", "samples per burst, with --pattern bursts (default 16)")
            .option("--duration", "TIME", "how long samples arrive, e.g. 2s or 500ms (default 2s)")
            .option("--seed", "N", "seed of the arrival schedule (default 1)")
            .option("--line", "KIND", "level | edge interrupt line (default level)")
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
        RingStrategy ring = RingStrategies.byId(p.value("--ring").orElse("mpmc-sequence"));
        int capacity = intOption(p, "--capacity", 1024, 2, RingConfig.MAX_CAPACITY);
        OverflowPolicy policy = OverflowPolicy.byId(p.value("--overflow").orElse(OverflowPolicy.REPORT_OVERFLOW.id()));
        RingConfig config;
        try {
            config = new RingConfig(capacity, policy, Framing.FRAME, ReaderMode.SHARED);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String why = ring.capabilities().whyNot(config);
        if (why != null) {
            throw new UsageException("ring " + ring.id() + " does not support " + why);
        }
        WaitQueueStrategy wq = WaitQueueStrategies.byId(p.value("--waitqueue").orElse("kernel-style"));
        PollStrategy poll = PollStrategies.byId(p.value("--poll").orElse("locked-ready-list"));
        DriverStrategy driver = DriverStrategies.byId(p.value("--driver").orElse("hard-irq"));
        ReadMode read = ReadMode.byId(p.value("--read").orElse("blocking"));
        int readers = intOption(p, "--readers", 1, 1, 10_000);
        if (readers > 1 && !ring.topology().multiConsumer()) {
            throw new UsageException("ring " + ring.id() + " has a single consumer: use --readers 1, or a "
                    + "multi-consumer ring (mpmc-sequence, monitor-locked, reentrant-lock)");
        }
        boolean virtual = p.has("--virtual");
        if (readers > 256 && !virtual) {
            throw new UsageException("more than 256 readers need --virtual (got --readers " + readers + ")");
        }
        String kind = p.value("--pattern").orElse("poisson");
        double rate = rate("--rate", p.value("--rate").orElse("10k"), 1);
        int burst = intOption(p, "--burst", 16, 1, 1 << 20);
        if (p.has("--burst") && !kind.equals("bursts")) {
            throw new UsageException("--burst goes with --pattern bursts");
        }
        EventPattern pattern = switch (kind) {
            case "periodic" -> EventPattern.periodic(rate);
            case "poisson" -> EventPattern.poisson(rate);
            case "bursts" -> EventPattern.bursts(rate, burst);
            default -> throw new UsageException("unknown pattern '" + kind + "' (known: periodic, poisson, bursts)");
        };
        long duration = millis(p, "--duration", "2s", 10, 3_600_000);
        long seed = longOption(p, "--seed", 1);
        IrqLine.Trigger trigger = switch (p.value("--line").orElse("level")) {
            case "level" -> IrqLine.Trigger.LEVEL;
            case "edge" -> IrqLine.Trigger.EDGE;
            default -> throw new UsageException("unknown line '" + p.value("--line").get() + "' (known: level, edge)");
        };
        int fifo = intOption(p, "--fifo", 256, 1, 1 << 20);
        int neighbours = intOption(p, "--neighbours", 1, 0, 8);
        long stall = millis(p, "--stall", "200ms", 10, 60_000);
        int batch = intOption(p, "--batch", 64, 1, 1 << 16);
        int closedLoop = intOption(p, "--closed-loop", 0, 0, Math.min(fifo, capacity));
        if (closedLoop > 0 && (p.has("--pattern") || p.has("--rate") || p.has("--burst"))) {
            throw new UsageException("--closed-loop replaces --pattern, --rate and --burst: use one or the other");
        }
        double signals = p.has("--signals") ? rate("--signals", p.value("--signals").get(), 0) : 0;
        WaitTimeouts timeouts = p.value("--timeout").map(t -> WaitTimeouts.parse(t,
                one -> millis("--timeout", one, 1, 60_000))).orElse(WaitTimeouts.NONE);
        return new Scenario(ring, config, wq, poll, driver, read, readers, p.has("--exclusive"), virtual, pattern,
                duration, seed, trigger, fifo, neighbours, stall, batch, closedLoop, signals, timeouts);
    }

    /** The default scenario, changed by {@code args} (as on the command line). */
    public static Scenario of(String... args) {
        return from(OPTIONS.parse(args));
    }

    static int intOption(CommandLine.Parsed p, String name, int dflt, int min, int max) {
        long v = p.value(name).map(s -> parseLong(name, s)).orElse((long) dflt);
        if (v < min || v > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", got " + v);
        }
        return (int) v;
    }

    private static long longOption(CommandLine.Parsed p, String name, long dflt) {
        return p.value(name).map(s -> parseLong(name, s)).orElse(dflt);
    }

    private static long parseLong(String name, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, got '" + s + "'");
        }
    }

    private static double rate(String name, String s, double min) {
        String t = s.toLowerCase(Locale.ROOT);
        double factor = t.endsWith("k") ? 1e3 : t.endsWith("m") ? 1e6 : 1;
        if (factor != 1) {
            t = t.substring(0, t.length() - 1);
        }
        double r;
        try {
            r = Double.parseDouble(t) * factor;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number per second (e.g. 20000 or 20k), got '" + s + "'");
        }
        if (!(r >= min && r <= 10e6)) {
            throw new UsageException(name + " must be between " + (long) min + " and 10M per second, got '" + s + "'");
        }
        return r;
    }

    static long millis(CommandLine.Parsed p, String name, String dflt, long min, long max) {
        return p.millis(name, dflt, min, max);
    }

    private static long millis(String name, String s, long min, long max) {
        return CommandLine.millis(name, s, min, max);
    }

    /** The scenario as the report shows it (and as options that replay it). */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("driver", driver.id());
        d.put("ring", ring.id());
        d.put("capacity", ringConfig.capacity());
        d.put("overflow", ringConfig.policy().id());
        d.put("waitqueue", waitQueue.id());
        d.put("poll", poll.id());
        d.put("read", read.id());
        d.put("readers", readers);
        d.put("exclusive", exclusive);
        d.put("virtual", virtualThreads);
        d.put("pattern", pattern.toString());
        d.put("durationMs", durationMillis);
        d.put("seed", seed);
        d.put("line", trigger.name().toLowerCase(Locale.ROOT));
        d.put("fifo", fifoDepth);
        d.put("neighbours", neighbours);
        d.put("stallMs", stallMillis);
        d.put("batch", batch);
        d.put("closedLoop", closedLoop);
        d.put("signals", signals);
        d.put("timeout", timeouts.toString());
        return d;
    }

    /** Command-line options that replay this scenario. */
    public String replay() {
        StringBuilder sb = new StringBuilder("./wakepath diagnose");
        sb.append(" --driver ").append(driver.id()).append(" --ring ").append(ring.id())
                .append(" --capacity ").append(ringConfig.capacity())
                .append(" --overflow ").append(describe().get("overflow"))
                .append(" --waitqueue ").append(waitQueue.id()).append(" --poll ").append(poll.id())
                .append(" --read ").append(read.id()).append(" --readers ").append(readers);
        if (exclusive) {
            sb.append(" --exclusive");
        }
        if (virtualThreads) {
            sb.append(" --virtual");
        }
        if (closedLoop > 0) {
            sb.append(" --closed-loop ").append(closedLoop);
        } else {
            sb.append(" --pattern ").append(pattern.kind().name().toLowerCase(Locale.ROOT))
                    .append(" --rate ").append((long) pattern.rate());
            if (pattern.kind() == EventPattern.Kind.BURSTS) {
                sb.append(" --burst ").append(pattern.burst());
            }
        }
        if (signals > 0) {
            sb.append(" --signals ").append((long) signals);
        }
        if (timeouts.timed()) {
            sb.append(" --timeout ").append(timeouts);
        }
        sb.append(" --duration ").append(durationMillis).append("ms --seed ").append(seed)
                .append(" --line ").append(describe().get("line")).append(" --fifo ").append(fifoDepth)
                .append(" --neighbours ").append(neighbours).append(" --stall ").append(stallMillis).append("ms")
                .append(" --batch ").append(batch);
        return sb.toString();
    }

    // ---- the same scenario with another strategy at one link (for strategies that are not in a registry)

    public Scenario withRing(RingStrategy r) {
        return new Scenario(r, ringConfig, waitQueue, poll, driver, read, readers, exclusive, virtualThreads, pattern,
                durationMillis, seed, trigger, fifoDepth, neighbours, stallMillis, batch, closedLoop, signals,
                timeouts);
    }

    public Scenario withWaitQueue(WaitQueueStrategy w) {
        return new Scenario(ring, ringConfig, w, poll, driver, read, readers, exclusive, virtualThreads, pattern,
                durationMillis, seed, trigger, fifoDepth, neighbours, stallMillis, batch, closedLoop, signals,
                timeouts);
    }

    public Scenario withPoll(PollStrategy p) {
        return new Scenario(ring, ringConfig, waitQueue, p, driver, read, readers, exclusive, virtualThreads, pattern,
                durationMillis, seed, trigger, fifoDepth, neighbours, stallMillis, batch, closedLoop, signals,
                timeouts);
    }
}
