package io.wakepath.irq.diagnose;

import io.wakepath.core.UsageException;
import io.wakepath.irq.AckingHandler;
import io.wakepath.irq.Device;
import io.wakepath.irq.EventPattern;
import io.wakepath.irq.EventSource;
import io.wakepath.irq.IrqAction;
import io.wakepath.irq.IrqController;
import io.wakepath.irq.IrqLine;
import io.wakepath.irq.driver.CharDriver;
import io.wakepath.irq.driver.OpenFile;
import io.wakepath.irq.ledger.Conservation;
import io.wakepath.irq.ledger.Ledger;
import io.wakepath.irq.ledger.ReaderLedger;
import io.wakepath.poll.Poll;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingStats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One run of the whole chain: a device (and its neighbours on a shared line) fed by seeded event sources, the IRQ
 * controller, the driver composed of the scenario's strategies, and reader threads reading as the scenario says, all
 * watched by a {@link Watchdog}. Every wait is bounded: the run ends on time whatever the strategies do, and what did
 * not end is reported with its stack.
 *
 * <p>Phases: run (samples arrive for the duration) -> settle (no new samples; readers get what is readable, up to
 * twice the stall threshold) -> {@code free_irq} -> hang-up (readers must drain and see end of file) -> release.
 */
public final class ChainRun {
    private static final long FREE_IRQ_MILLIS = 2_000;
    private static final long HANGUP_MILLIS = 2_000;
    private static final long INTERRUPT_MILLIS = 1_000;

    private final Scenario sc;
    private final Ledger ledger = new Ledger(true);
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private ChainRun(Scenario sc) {
        this.sc = sc;
    }

    /** Runs {@code scenario} to the end. @throws UsageException when the composition cannot be built */
    public static RunResult run(Scenario scenario) throws InterruptedException {
        return new ChainRun(scenario).run();
    }

    private RunResult run() throws InterruptedException {
        long started = System.nanoTime();
        IrqController controller = new IrqController();
        try {
            Wiring w = wire(controller);
            runFor(w);
            int strandedAtEnd = settle(w);
            teardown(w);
            return collect(w, strandedAtEnd, started);
        } finally {
            controller.close();
        }
    }

    /** Everything one run is made of, once wired. */
    private record Wiring(IrqController controller, IrqLine line, Device device, Ring ring, CharDriver driver,
                          List<IrqAction> actions, List<EventSource> sources, List<Thread> threads,
                          List<ReaderLedger> readerLedgers, UserReaders readers, Signaller signaller,
                          Watchdog watchdog) {
    }

    /** The device (and its neighbours on the line), the driver of the scenario's strategies, sources and readers. */
    private Wiring wire(IrqController controller) {
        IrqLine line = controller.line(17, sc.trigger());
        Device device = new Device("wakedev", sc.fifoDepth());
        line.attach(device);
        controller.onEntryLatency((d, nanos) -> {
            if (d == device) {
                ledger.irqEntry(nanos);
            }
        });
        Ring ring;
        try {
            ring = sc.ring().create(sc.ringConfig());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Poll poll = sc.poll().create();
        CharDriver driver = sc.driver().create(new CharDriver.Parts(device, ring, sc.waitQueue()::create, poll,
                ledger));
        if (!driver.readerDrainsAfterEdge() && sc.read() != ReadMode.EPOLL_ET) {
            throw new UsageException("driver " + sc.driver().id() + " differs only in its edge-triggered reader: "
                    + "use --read epoll-et");
        }
        List<IrqAction> actions = new ArrayList<>();
        actions.add(controller.requestIrq(device, driver, "wakedev"));
        List<Thread> threads = new ArrayList<>();
        List<ReaderLedger> readerLedgers = new ArrayList<>();
        Signaller signaller = sc.signals() > 0
                ? new Signaller(threads, readerLedgers, sc.signals(), sc.seed(), sc.closedLoop() > 0) : null;
        List<EventSource> sources = new ArrayList<>();
        EventSource.Stamp stamp = ledger::raising;
        sources.add(sc.closedLoop() > 0
                ? EventSource.closedLoop(device, sc.closedLoop(), () -> device.fifoLevel() == 0 && ring.size() == 0,
                        TimeUnit.MILLISECONDS.toNanos(2 * sc.stallMillis()), stamp,
                        signaller != null ? signaller::roundRaised : () -> { })
                : new EventSource(device, sc.pattern(), sc.seed(), stamp));
        for (int i = 0; i < sc.neighbours(); i++) {
            Device neighbour = new Device("neighbour" + i, sc.fifoDepth());
            line.attach(neighbour);
            actions.add(controller.requestIrq(neighbour, new AckingHandler(neighbour), neighbour.name()));
            sources.add(new EventSource(neighbour, EventPattern.poisson(Math.max(1, sc.pattern().rate() / 4)),
                    sc.seed() + 1 + i, (sample, intended, now) -> { }));
        }
        UserReaders readers = new UserReaders(sc, problems);
        for (int i = 0; i < sc.readers(); i++) {
            OpenFile file = driver.open(sc.exclusive() && sc.read() == ReadMode.BLOCKING);
            ReaderLedger rl = ledger.reader("reader-" + i);
            readerLedgers.add(rl);
            SplittableRandom timeouts = new SplittableRandom(sc.seed() * 31 + i);
            Runnable body = () -> readers.readerBody(driver, poll, file, rl, timeouts);
            Thread t = sc.virtualThreads()
                    ? Thread.ofVirtual().name("reader-" + i).unstarted(body)
                    : Thread.ofPlatform().name("reader-" + i).daemon().unstarted(body);
            rl.bind(t);
            threads.add(t);
        }
        Watchdog watchdog = new Watchdog(readerLedgers, ring, controller.cpu(), sc.stallMillis());
        return new Wiring(controller, line, device, ring, driver, actions, sources, threads, readerLedgers, readers,
                signaller, watchdog);
    }

    /** Readers, watchdog and signals start; samples arrive for the scenario's duration. */
    private void runFor(Wiring w) throws InterruptedException {
        w.threads().forEach(Thread::start);
        w.watchdog().start();
        if (w.signaller() != null) {
            w.signaller().start();
        }
        w.sources().forEach(EventSource::start);
        Thread.sleep(sc.durationMillis());
        for (EventSource s : w.sources()) {
            s.stop();
        }
        if (w.signaller() != null) {
            w.signaller().stop();
        }
    }

    /**
     * Nothing new arrives; what is readable should be read within the stall threshold. @return samples left in the
     * FIFO with nothing to raise them
     */
    private int settle(Wiring w) throws InterruptedException {
        long settleDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * sc.stallMillis() + 200);
        while (System.nanoTime() < settleDeadline && (w.device().fifoLevel() > 0 || w.ring().size() > 0)) {
            Thread.sleep(1);
        }
        return w.device().stranded();
    }

    /** free_irq, then hang up: every reader must drain and see end of file; what does not end is reported. */
    private void teardown(Wiring w) throws InterruptedException {
        for (IrqAction a : w.actions()) {
            if (!w.controller().freeIrq(a, FREE_IRQ_MILLIS)) {
                problems.add("free_irq(" + a.name() + ") did not complete within " + FREE_IRQ_MILLIS + " ms: "
                        + Watchdog.stack(a.thread() != null ? a.thread() : w.controller().cpu(),
                        "handler still running"));
            }
        }
        w.readers().stopRestarting();
        w.driver().hangUp();
        joinAll(w.threads(), HANGUP_MILLIS);
        List<Thread> stuck = w.threads().stream().filter(Thread::isAlive).toList();
        for (Thread t : stuck) {
            problems.add("did not end after hang-up within " + HANGUP_MILLIS + " ms; interrupted: "
                    + Watchdog.stack(t, "after hang-up"));
            t.interrupt();
        }
        joinAll(stuck, INTERRUPT_MILLIS);
        for (Thread t : stuck) {
            if (t.isAlive()) {
                problems.add("still running after an interrupt (abandoned): " + Watchdog.stack(t, "abandoned"));
            }
        }
        if (w.threads().stream().noneMatch(Thread::isAlive)) {
            w.driver().release();
        }
        w.watchdog().stop();
    }

    /** The run's result: the ledger's totals and the conservation law, the hardware's oracle, what was seen. */
    private RunResult collect(Wiring w, int strandedAtEnd, long started) {
        Device.Counters hw = w.device().counters();
        RingStats rs = w.ring().stats();
        Ledger.Totals totals = ledger.totals();
        Conservation conservation = new Conservation(hw.raised(), hw.overruns(), hw.inFifo(), hw.popped(),
                rs.offered(), totals.driverDropped(), rs.droppedNewest(), rs.droppedOldest(), rs.enqueued(),
                rs.consumed(), rs.size(), totals.eventsRead());
        long ended = w.readerLedgers().stream().filter(r -> r.state() == ReaderLedger.State.DONE).count();
        IrqAction own = w.actions().get(0);
        return new RunResult(sc, totals, conservation, hw, w.line().counts(), w.line().disabledWhy(),
                w.controller().errors(), w.driver().queueUse(), w.watchdog().maxReadableAsleepNanos(),
                w.watchdog().stalls(), List.copyOf(problems), strandedAtEnd, w.driver().usesAfterRelease(),
                ledger.hops(), own.threadRuns(), own.coalescedWakes(), totals.eofs(), ended,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static void joinAll(List<Thread> threads, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                t.join(left);
            }
        }
    }
}
