package io.wakepath.irq.diagnose;

import io.wakepath.core.Errno;
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
import io.wakepath.poll.Epoll;
import io.wakepath.poll.EpollEvent;
import io.wakepath.poll.Poll;
import io.wakepath.poll.PollEvents;
import io.wakepath.poll.PollFd;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingStats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
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
    /** How long a signal handler keeps a reader away, in stall thresholds. */
    private static final int SIGNAL_HANDLER_STALLS = 2;

    private final Scenario sc;
    private final Ledger ledger = new Ledger(true);
    private final List<String> problems = new CopyOnWriteArrayList<>();
    /** While signals are sent, an interrupted call is restarted (SA_RESTART); at teardown an interrupt ends it. */
    private volatile boolean restartOnSignal;

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
            return runWith(controller, started);
        } finally {
            controller.close();
        }
    }

    private RunResult runWith(IrqController controller, long started) throws InterruptedException {
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
        CharDriver driver = sc.driver().create(
                new CharDriver.Parts(device, ring, sc.waitQueue()::create, poll, ledger));
        if (!driver.readerDrainsAfterEdge() && sc.read() != ReadMode.EPOLL_ET) {
            throw new UsageException("driver " + sc.driver().id() + " differs only in its edge-triggered reader: "
                    + "use --read epoll-et");
        }

        List<IrqAction> actions = new ArrayList<>();
        actions.add(controller.requestIrq(device, driver, "wakedev"));
        List<EventSource> sources = new ArrayList<>();
        EventSource.Stamp stamp = ledger::raising;
        List<Thread> threads = new ArrayList<>();
        List<ReaderLedger> readerLedgers = new ArrayList<>();
        Signaller signaller = sc.signals() > 0
                ? new Signaller(threads, readerLedgers, sc.signals(), sc.seed(), sc.closedLoop() > 0) : null;
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

        // readers
        for (int i = 0; i < sc.readers(); i++) {
            OpenFile file = driver.open(sc.exclusive() && sc.read() == ReadMode.BLOCKING);
            ReaderLedger rl = ledger.reader("reader-" + i);
            readerLedgers.add(rl);
            SplittableRandom timeouts = new SplittableRandom(sc.seed() * 31 + i);
            Runnable body = () -> readerBody(driver, poll, file, rl, timeouts);
            Thread t = sc.virtualThreads()
                    ? Thread.ofVirtual().name("reader-" + i).unstarted(body)
                    : Thread.ofPlatform().name("reader-" + i).daemon().unstarted(body);
            rl.bind(t);
            threads.add(t);
        }
        Watchdog watchdog = new Watchdog(readerLedgers, ring, controller.cpu(), sc.stallMillis());
        restartOnSignal = sc.signals() > 0;
        threads.forEach(Thread::start);
        watchdog.start();
        if (signaller != null) {
            signaller.start();
        }

        // run
        sources.forEach(EventSource::start);
        Thread.sleep(sc.durationMillis());
        for (EventSource s : sources) {
            s.stop();
        }
        if (signaller != null) {
            signaller.stop();
        }

        // settle: nothing new arrives; what is readable should be read within the stall threshold
        long settleDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * sc.stallMillis() + 200);
        while (System.nanoTime() < settleDeadline && (device.fifoLevel() > 0 || ring.size() > 0)) {
            Thread.sleep(1);
        }
        int strandedAtEnd = device.stranded();

        // free_irq, then hang up: every reader must drain and see end of file
        for (IrqAction a : actions) {
            if (!controller.freeIrq(a, FREE_IRQ_MILLIS)) {
                problems.add("free_irq(" + a.name() + ") did not complete within " + FREE_IRQ_MILLIS + " ms: "
                        + Watchdog.stack(a.thread() != null ? a.thread() : controller.cpu(), "handler still running"));
            }
        }
        restartOnSignal = false;
        driver.hangUp();
        joinAll(threads, HANGUP_MILLIS);
        List<Thread> stuck = threads.stream().filter(Thread::isAlive).toList();
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
        boolean allEnded = threads.stream().noneMatch(Thread::isAlive);
        if (allEnded) {
            driver.release();
        }
        watchdog.stop();

        Device.Counters hw = device.counters();
        RingStats rs = ring.stats();
        Ledger.Totals totals = ledger.totals();
        Conservation conservation = new Conservation(hw.raised(), hw.overruns(), hw.inFifo(), hw.popped(),
                rs.offered(), totals.driverDropped(), rs.droppedNewest(), rs.droppedOldest(), rs.enqueued(),
                rs.consumed(), rs.size(), totals.eventsRead());
        long eofs = readerLedgers.stream().filter(r -> r.state() == ReaderLedger.State.DONE).count();
        return new RunResult(sc, totals, conservation, hw, line.counts(), line.disabledWhy(), controller.errors(),
                driver.queueUse(), watchdog.maxReadableAsleepNanos(), watchdog.stalls(), List.copyOf(problems),
                strandedAtEnd, driver.usesAfterRelease(), ledger.hops(), actions.get(0).threadRuns(),
                actions.get(0).coalescedWakes(), totals.eofs(), eofs,
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

    // ---- readers: the user-space side

    private void readerBody(CharDriver driver, Poll poll, OpenFile file, ReaderLedger rl, SplittableRandom random) {
        long[] buf = new long[sc.batch()];
        try {
            switch (sc.read()) {
                case BLOCKING -> readBlocking(file, rl, buf, random);
                case POLL -> readPolling(poll, file, rl, buf, random);
                case EPOLL_LT, EPOLL_ET -> readEpoll(poll, file, rl, buf, driver.readerDrainsAfterEdge(), random);
            }
        } catch (Throwable t) {
            rl.error();
            problems.add(rl.name() + " failed: " + t);
        } finally {
            file.close();
            rl.done();
        }
    }

    private void readBlocking(OpenFile file, ReaderLedger rl, long[] buf, SplittableRandom random) {
        file.observe(rl);
        for (;;) {
            long timeout = sc.timeouts().draw(random);
            int n = timeout < 0 ? file.read(buf, false) : file.readTimed(buf, timeout);
            if (timeout >= 0 && n == -Errno.EAGAIN) {
                rl.timedOut();                          // and read again
                continue;
            }
            if (!take(file, rl, buf, n, false)) {
                return;
            }
        }
    }

    private void readPolling(Poll poll, OpenFile file, ReaderLedger rl, long[] buf, SplittableRandom random) {
        PollFd[] fds = {new PollFd(file, PollEvents.IN)};
        for (;;) {
            rl.sleeping();
            int r = poll.poll(fds, sc.timeouts().draw(random));
            rl.running();
            if (r == 0) {
                rl.timedOut();
                continue;
            }
            if (r < 0) {
                if (restarted(rl)) {
                    continue;
                }
                return;                                 // interrupted
            }
            int revents = fds[0].revents();
            boolean in = (revents & PollEvents.POLLIN) != 0;
            if (in) {
                rl.inReported();
            }
            if (revents != 0 && drain(file, rl, buf, in, true) == END) {
                return;
            }
        }
    }

    private void readEpoll(Poll poll, OpenFile file, ReaderLedger rl, long[] buf, boolean drainsEdge,
                           SplittableRandom random) {
        boolean et = sc.read() == ReadMode.EPOLL_ET;
        Epoll epoll = poll.epollCreate();
        int flags = PollEvents.IN | (et ? PollEvents.EPOLLET : 0) | (sc.exclusive() ? PollEvents.EPOLLEXCLUSIVE : 0);
        int added = epoll.add(file, flags, 0);
        if (added != 0) {
            rl.error();
            problems.add(rl.name() + ": epoll_ctl(ADD) returned " + added);
            return;
        }
        EpollEvent[] events = {new EpollEvent()};
        boolean drained = true;
        for (;;) {
            if (et && !drained) {
                rl.undrainedEdgeWait();             // the epoll(7) rule for EPOLLET, broken: seen in the call trace
            }
            rl.sleeping();
            int n = epoll.wait(events, 1, sc.timeouts().draw(random));
            rl.running();
            if (n < 0) {
                if (restarted(rl)) {
                    continue;
                }
                return;
            }
            if (n == 0) {
                rl.timedOut();
                continue;
            }
            int ev = events[0].events();
            boolean in = (ev & PollEvents.POLLIN) != 0;
            if (in) {
                rl.inReported();
            }
            if ((ev & (PollEvents.POLLHUP | PollEvents.POLLERR)) != 0) {
                if (drain(file, rl, buf, in, true) == END) {
                    return;
                }
            } else if (in) {
                // level-triggered: one read per event (epoll reports again while readable); edge-triggered: to EAGAIN
                int r = drain(file, rl, buf, true, et && drainsEdge);
                if (r == END) {
                    return;
                }
                drained = r == DRAINED;
            }
        }
    }

    private static final int END = -1;
    private static final int MORE = 0;
    private static final int DRAINED = 1;

    /**
     * Handles one read result. @return false when the reader is done (end of file, interrupted, or a result read
     * never returns)
     */
    private boolean take(OpenFile file, ReaderLedger rl, long[] buf, int n, boolean afterIn) {
        if (n > 0) {
            rl.read(buf, n, System.nanoTime());
            return true;
        }
        if (n == Ring.EOVERFLOW) {
            rl.overflow(file.lastLoss());
            return true;
        }
        if (n == 0) {
            rl.eof();
            return false;
        }
        if (n == -Errno.EAGAIN) {
            rl.eagain(afterIn);
            return true;
        }
        if (n == -Errno.EINTR) {
            return restarted(rl);
        }
        rl.error();
        return false;
    }

    /**
     * After an interrupted call: whether to make it again (a signal during the run) or end (teardown). The signal
     * handler keeps the reader away for longer than the stall threshold, so that a wake it swallowed shows as data
     * readable while every other reader waits.
     */
    private boolean restarted(ReaderLedger rl) {
        if (!restartOnSignal) {
            return false;
        }
        Thread.interrupted();                           // the signal is taken
        rl.away();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SIGNAL_HANDLER_STALLS * sc.stallMillis());
        for (long left; restartOnSignal && (left = until - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(Math.min(left, 1_000_000));
        }
        Thread.interrupted();
        rl.running();
        return true;
    }

    /**
     * Nonblocking reads after a readiness report: until EAGAIN when {@code toEagain}, else one.
     *
     * @return {@link #END} when the reader is done, {@link #DRAINED} when a read found nothing, {@link #MORE} when it
     * stopped after one read that returned something
     */
    private int drain(OpenFile file, ReaderLedger rl, long[] buf, boolean afterIn, boolean toEagain) {
        boolean first = afterIn;
        for (;;) {
            int n = file.read(buf, true);
            if (!take(file, rl, buf, n, first)) {
                return END;
            }
            if (n == -Errno.EAGAIN) {
                return DRAINED;
            }
            if (!toEagain) {
                return MORE;
            }
            first = false;
        }
    }

    /**
     * Sends "signals" (interrupts) to random readers, at a Poisson rate: each interrupted wait must return
     * {@code -EINTR} without losing the wake it may have been given (an exclusive waiter must hand it on), and the
     * reader restarts the call. With a closed loop a signal that falls due is sent just after the next round is
     * raised, to a reader that is waiting then: the interrupt lands while the wake for that round is on its way, the
     * moment a waiter that leaves can swallow it.
     */
    private static final class Signaller {
        private final List<Thread> readers;
        private final List<ReaderLedger> ledgers;
        private final double perSecond;
        private final boolean atRounds;
        private final SplittableRandom random;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile boolean due;

        Signaller(List<Thread> readers, List<ReaderLedger> ledgers, double perSecond, long seed, boolean atRounds) {
            this.readers = readers;
            this.ledgers = ledgers;
            this.perSecond = perSecond;
            this.atRounds = atRounds;
            this.random = new SplittableRandom(seed ^ 0x5157_4E41_4CL);
            this.thread = new Thread(this::run, "signaller");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            double meanGapNanos = 1e9 / perSecond;
            while (running) {
                LockSupport.parkNanos((long) (-Math.log(1 - random.nextDouble()) * meanGapNanos));
                if (!running) {
                    break;
                }
                if (atRounds) {
                    due = true;                         // sent by the source after its next round
                } else {
                    signal(random.nextInt(readers.size()));
                }
            }
        }

        /** On the source's thread, after it raised a round: the due signal goes to a waiting reader. */
        void roundRaised() {
            if (!due) {
                return;
            }
            due = false;
            int start = ThreadLocalRandom.current().nextInt(readers.size());
            for (int i = 0; i < readers.size(); i++) {
                int r = (start + i) % readers.size();
                if (ledgers.get(r).state() == ReaderLedger.State.SLEEPING) {
                    signal(r);
                    return;
                }
            }
        }

        private void signal(int reader) {
            if (running) {
                readers.get(reader).interrupt();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(1_000);
        }
    }
}
