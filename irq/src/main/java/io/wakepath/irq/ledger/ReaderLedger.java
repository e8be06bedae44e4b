package io.wakepath.irq.ledger;

import io.wakepath.core.KernelThread;
import org.HdrHistogram.Histogram;

/**
 * One reader's part of the ledger: written by that reader's thread only (no sharing on the hot path), read once the
 * reader has ended, or sampled live ({@link #state()}) by a watchdog.
 */
public final class ReaderLedger {
    /** What the reader is doing, as a watchdog sees it. */
    public enum State {
        RUNNING, SLEEPING, DONE,
        /** Handling a signal: neither reading nor waiting, so it cannot take a wake meant for the readers. */
        AWAY
    }

    private final Ledger ledger;
    private final String name;
    private final Histogram ringToRead;
    private final Histogram endToEnd;
    private final Histogram endToEndDue;
    private volatile State state = State.RUNNING;
    private volatile Thread thread;
    private volatile KernelThread kernel;

    long reads;
    long eventsRead;
    long eagain;
    long inReported;
    long eagainAfterIn;
    long overflowReports;
    long lostReported;
    long wokenEmpty;
    long undrainedEdgeWaits;
    long timedOut;
    long duplicates;
    long bogus;
    long eofs;
    long errors;

    ReaderLedger(Ledger ledger, String name) {
        this.ledger = ledger;
        this.name = name;
        this.ringToRead = ledger.on() ? Ledger.histogram() : null;
        this.endToEnd = ledger.on() ? Ledger.histogram() : null;
        this.endToEndDue = ledger.on() ? Ledger.histogram() : null;
    }

    public String name() {
        return name;
    }

    /** The reader's thread, bound before it starts (for its stacks). */
    public void bind(Thread thread) {
        this.thread = thread;
        this.kernel = KernelThread.javaStateOf(thread);
    }

    public Thread thread() {
        return thread;
    }

    /** Called by the reader thread when it starts: from now on a watchdog can ask the kernel about it too. */
    public void started() {
        this.kernel = KernelThread.current();
    }

    /**
     * The reader's thread as a watchdog judges it: by the JVM and the kernel once it has {@link #started()}, by the
     * JVM alone before; null before {@link #bind}.
     */
    public KernelThread kernel() {
        return kernel;
    }

    public State state() {
        return state;
    }

    /** The reader is about to wait (in read, poll or epoll_wait). */
    public void sleeping() {
        state = State.SLEEPING;
    }

    public void running() {
        state = State.RUNNING;
    }

    /** The reader is handling a signal (its call returned EINTR) and will restart the call. */
    public void away() {
        state = State.AWAY;
    }

    public void done() {
        state = State.DONE;
    }

    /** A read returned {@code n} samples from {@code buf} at {@code nowNanos}. */
    public void read(long[] buf, int n, long nowNanos) {
        reads++;
        eventsRead += n;
        if (!ledger.on()) {
            return;
        }
        long raised = ledger.raised();
        for (int i = 0; i < n; i++) {
            long sample = buf[i];
            if (sample < 0 || sample >= raised) {
                bogus++;
                continue;
            }
            if (!ledger.seen.add(sample)) {
                duplicates++;
                continue;
            }
            if (raised - sample < Ledger.WINDOW) {
                int slot = (int) (sample & (Ledger.WINDOW - 1));
                Ledger.record(endToEnd, nowNanos - ledger.raisedAt[slot]);
                Ledger.record(endToEndDue, nowNanos - ledger.dueAt[slot]);
                long enqueued = ledger.enqueuedAt[slot];
                if (enqueued != 0) {
                    Ledger.record(ringToRead, nowNanos - enqueued);
                }
            }
        }
    }

    /** A nonblocking read found nothing; {@code afterIn}: the first read after poll or epoll reported IN. */
    public void eagain(boolean afterIn) {
        reads++;
        eagain++;
        if (afterIn) {
            eagainAfterIn++;
        }
    }

    /** A read reported lost samples (EOVERFLOW) once. */
    public void overflow(long lost) {
        reads++;
        overflowReports++;
        lostReported += lost;
    }

    /** poll or epoll reported IN. */
    public void inReported() {
        inReported++;
    }

    /** Back from a wait that had slept, and the read found nothing. */
    public void wokenEmpty() {
        wokenEmpty++;
    }

    /** An edge-triggered reader waited again without having drained to EAGAIN since the last delivery. */
    public void undrainedEdgeWait() {
        undrainedEdgeWaits++;
    }

    /** A timed wait (read, poll or epoll_wait with a timeout) ended at its deadline. */
    public void timedOut() {
        timedOut++;
    }

    /** End of file (the device hung up). */
    public void eof() {
        eofs++;
    }

    /** The read path returned something a read never returns, or threw. */
    public void error() {
        errors++;
    }

    Histogram ringToRead() {
        return ringToRead;
    }

    Histogram endToEnd() {
        return endToEnd;
    }

    Histogram endToEndDue() {
        return endToEndDue;
    }
}
