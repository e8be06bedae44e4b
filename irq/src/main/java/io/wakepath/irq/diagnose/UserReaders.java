package io.wakepath.irq.diagnose;

import io.wakepath.core.Errno;
import io.wakepath.irq.driver.CharDriver;
import io.wakepath.irq.driver.OpenFile;
import io.wakepath.irq.ledger.ReaderLedger;
import io.wakepath.poll.Epoll;
import io.wakepath.poll.EpollEvent;
import io.wakepath.poll.Poll;
import io.wakepath.poll.PollEvents;
import io.wakepath.poll.PollFd;
import io.wakepath.ring.Framing;
import io.wakepath.ring.Ring;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The user-space side of a chain run: each reader's loop, as the scenario says it reads (blocking read, poll(2), epoll
 * level- or edge-triggered), with timeouts when the scenario has them, and what a reader does with every result of
 * read(2), into its ledger. While signals are sent an interrupted call is restarted after a "signal handler" (SA_RESTART);
 * at teardown an interrupt ends the reader.
 */
final class UserReaders {
    /** How long a signal handler keeps a reader away, in stall thresholds. */
    private static final int SIGNAL_HANDLER_STALLS = 2;

    private final Scenario sc;
    private final List<String> problems;
    private volatile boolean restartOnSignal;

    UserReaders(Scenario sc, List<String> problems) {
        this.sc = sc;
        this.problems = problems;
        this.restartOnSignal = sc.signals() > 0;
    }

    /** Teardown: an interrupted call ends its reader from now on. */
    void stopRestarting() {
        restartOnSignal = false;
    }


    /** One reader's whole life: reads until end of file (or a failure, recorded), then closes its file. */
    void readerBody(CharDriver driver, Poll poll, OpenFile file, ReaderLedger rl, SplittableRandom random) {
        rl.started();
        long[] buf = new long[sc.batch()];
        SampleReads reads = new SampleReads(file, sc.ringConfig().framing() == Framing.BYTE_STREAM);
        try {
            switch (sc.read()) {
                case BLOCKING -> readBlocking(reads, rl, buf, random);
                case POLL -> readPolling(poll, reads, rl, buf, random);
                case EPOLL_LT, EPOLL_ET -> readEpoll(poll, reads, rl, buf, driver.readerDrainsAfterEdge(), random);
            }
        } catch (Throwable t) {
            rl.error();
            problems.add(rl.name() + " failed: " + t);
        } finally {
            file.close();
            rl.done();
        }
    }

    private void readBlocking(SampleReads reads, ReaderLedger rl, long[] buf, SplittableRandom random) {
        reads.file().observe(rl);
        for (;;) {
            long timeout = sc.timeouts().draw(random);
            int n = reads.read(buf, false, timeout);
            if (timeout >= 0 && n == -Errno.EAGAIN) {
                rl.timedOut();                          // and read again
                continue;
            }
            if (!take(reads, rl, buf, n, false)) {
                return;
            }
        }
    }

    private void readPolling(Poll poll, SampleReads reads, ReaderLedger rl, long[] buf, SplittableRandom random) {
        PollFd[] fds = {new PollFd(reads.file(), PollEvents.IN)};
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
            if (revents != 0 && drain(reads, rl, buf, in, true) == END) {
                return;
            }
        }
    }

    private void readEpoll(Poll poll, SampleReads reads, ReaderLedger rl, long[] buf, boolean drainsEdge,
                           SplittableRandom random) {
        OpenFile file = reads.file();
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
                if (drain(reads, rl, buf, in, true) == END) {
                    return;
                }
            } else if (in) {
                // level-triggered: one read per event (epoll reports again while readable); edge-triggered: to EAGAIN
                int r = drain(reads, rl, buf, true, et && drainsEdge);
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
    private boolean take(SampleReads reads, ReaderLedger rl, long[] buf, int n, boolean afterIn) {
        if (n > 0) {
            rl.read(buf, n, System.nanoTime());
            return true;
        }
        if (n == Ring.EOVERFLOW) {
            rl.overflow(reads.file().lastLoss());
            return true;
        }
        if (n == 0) {
            if (reads.partialBytes() > 0) {
                problems.add(rl.name() + " read end of file " + reads.partialBytes() + " bytes into a sample: the "
                        + "byte stream cut a sample short");
            }
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
    private int drain(SampleReads reads, ReaderLedger rl, long[] buf, boolean afterIn, boolean toEagain) {
        boolean first = afterIn;
        for (;;) {
            int n = reads.read(buf, true, -1);
            if (!take(reads, rl, buf, n, first)) {
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
}
