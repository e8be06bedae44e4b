package io.wakepath.irq.ledger;

import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ledger of one run of the chain: what each stage did with the samples, and how long each hop took.
 *
 * <h2>Writers</h2>
 * Each part has one writer thread, so recording is plain stores and per-thread histograms, cheap enough to leave on
 * (the {@code LedgerOverhead} benchmark measures it): the event source stamps raise times; the driver's producer side
 * (hard handler or handler thread) stamps ring entry times and counts wakes; the interrupt CPU records entry latency;
 * each reader has its own {@link ReaderLedger}. Totals are read once the writers have stopped (joined).
 *
 * <h2>Per-sample times</h2>
 * Samples are consecutive numbers; their raise and ring-entry times live in two arrays of {@link #WINDOW} slots
 * indexed by the sample number. A sample read more than {@code WINDOW} samples after it was raised is counted but
 * not timed. Every sample read is also checked against a bit set: read twice, or never raised, is counted.
 *
 * <p>A ledger made with {@code on = false} records nothing: the baseline of the overhead benchmark.
 */
public final class Ledger {
    public static final int WINDOW = 1 << 18;
    static final long HIGHEST_NANOS = 60_000_000_000L;

    private final boolean on;
    final long[] raisedAt;
    final long[] dueAt;
    final long[] enqueuedAt;
    final SeenSet seen;
    private final Histogram irqEntry;
    private final List<ReaderLedger> readers = new CopyOnWriteArrayList<>();
    private volatile long raised;

    // The driver's producer side: one part per context (hard IRQ, handler thread), each with one writer.
    private final Producer hardContext;
    private final Producer threadContext;

    public Ledger(boolean on) {
        this.on = on;
        this.raisedAt = on ? new long[WINDOW] : null;
        this.dueAt = on ? new long[WINDOW] : null;
        this.enqueuedAt = on ? new long[WINDOW] : null;
        this.seen = on ? new SeenSet() : null;
        this.irqEntry = on ? histogram() : null;
        hardContext = new Producer();
        threadContext = new Producer();
    }

    public boolean on() {
        return on;
    }

    static Histogram histogram() {
        return new Histogram(1, HIGHEST_NANOS, 2);
    }

    static void record(Histogram h, long nanos) {
        h.recordValue(Math.max(1, Math.min(nanos, HIGHEST_NANOS)));
    }

    // ---- the source

    /**
     * The event source is about to raise {@code sample} (numbers are consecutive from 0), which its schedule had due
     * at {@code dueNanos} (later than due when the source was descheduled: the gap is what coordinated omission
     * hides, and the end-to-end-due hop keeps).
     */
    public void raising(long sample, long dueNanos, long nowNanos) {
        if (on) {
            int slot = (int) (sample & (WINDOW - 1));
            raisedAt[slot] = nowNanos;
            dueAt[slot] = dueNanos;
        }
        raised = sample + 1;                                    // sv: readers check samples against it
    }

    /** Samples raised so far. */
    public long raised() {
        return raised;
    }

    // ---- the interrupt CPU

    /** A hard handler started {@code nanos} after its device's output rose. */
    public void irqEntry(long nanos) {
        if (on) {
            record(irqEntry, nanos);
        }
    }

    // ---- the driver's producer side

    /** The producer part of a context: {@code hard} for the hard handler, else the handler thread's. */
    public Producer producer(boolean hard) {
        return hard ? hardContext : threadContext;
    }

    /**
     * What the driver's IRQ side did in one context, written by that context's thread only. Wake ordering is judged
     * per handler invocation: a wake before anything was published in it, or samples published after its last wake
     * (nobody told), is counted.
     */
    public final class Producer {
        private final Histogram hwToRing = on ? histogram() : null;
        private long published;
        private long driverDropped;
        private long wakes;
        private long readersWoken;
        private long wakesBeforeUpdate;
        private long updatesAfterLastWake;
        private long sinceWake;
        private boolean inInvocation;

        private Producer() {
        }

        /** A handler invocation begins. */
        public void invocationStarted() {
            inInvocation = true;
            sinceWake = 0;
        }

        /** The invocation ended. */
        public void invocationEnded() {
            if (sinceWake > 0) {
                updatesAfterLastWake++;
            }
            sinceWake = 0;
            inInvocation = false;
        }

        /** {@code sample} was offered to the ring at {@code nowNanos} ({@code accepted}: it is in the ring). */
        public void published(long sample, boolean accepted, long nowNanos) {
            published++;
            sinceWake++;
            if (on && accepted && sample >= 0 && raised - sample < WINDOW) {
                int slot = (int) (sample & (WINDOW - 1));
                enqueuedAt[slot] = nowNanos;
                record(hwToRing, nowNanos - raisedAt[slot]);
            }
        }

        /** The driver dropped a sample itself and said so (not the ring's policy). */
        public void driverDropped() {
            driverDropped++;
            sinceWake++;
        }

        /** The driver woke its readers; the queue reported {@code woken} entries woken. */
        public void woke(int woken) {
            if (inInvocation && sinceWake == 0) {
                wakesBeforeUpdate++;
            }
            sinceWake = 0;
            wakes++;
            readersWoken += woken;
        }
    }

    // ---- readers

    public ReaderLedger reader(String name) {
        ReaderLedger r = new ReaderLedger(this, name);
        readers.add(r);
        return r;
    }

    public List<ReaderLedger> readers() {
        return List.copyOf(readers);
    }

    // ---- totals, once the writers stopped

    public Totals totals() {
        long reads = 0, eventsRead = 0, eagain = 0, inReported = 0, eagainAfterIn = 0, overflowReports = 0;
        long lostReported = 0, wokenEmpty = 0, undrained = 0, duplicates = 0, bogus = 0, eofs = 0, errors = 0;
        long timedOut = 0;
        for (ReaderLedger r : readers) {
            reads += r.reads;
            eventsRead += r.eventsRead;
            eagain += r.eagain;
            inReported += r.inReported;
            eagainAfterIn += r.eagainAfterIn;
            overflowReports += r.overflowReports;
            lostReported += r.lostReported;
            wokenEmpty += r.wokenEmpty;
            undrained += r.undrainedEdgeWaits;
            duplicates += r.duplicates;
            bogus += r.bogus;
            eofs += r.eofs;
            errors += r.errors;
            timedOut += r.timedOut;
        }
        Producer h = hardContext;
        Producer t = threadContext;
        return new Totals(raised, h.published + t.published, h.driverDropped + t.driverDropped, h.wakes + t.wakes,
                h.readersWoken + t.readersWoken, h.wakesBeforeUpdate + t.wakesBeforeUpdate,
                h.updatesAfterLastWake + t.updatesAfterLastWake, reads, eventsRead, eagain, inReported, eagainAfterIn, overflowReports,
                lostReported, wokenEmpty, undrained, duplicates, bogus, eofs, errors, timedOut);
    }

    /** The latency histogram of {@code hop} for the run (readers merged); empty when the ledger is off. */
    public Histogram hop(Hop hop) {
        Histogram merged = histogram();
        if (!on) {
            return merged;
        }
        switch (hop) {
            case IRQ_ENTRY -> merged.add(irqEntry);
            case HW_TO_RING -> {
                merged.add(hardContext.hwToRing);
                merged.add(threadContext.hwToRing);
            }
            case RING_TO_READ -> readers.forEach(r -> merged.add(r.ringToRead()));
            case END_TO_END -> readers.forEach(r -> merged.add(r.endToEnd()));
            case END_TO_END_DUE -> readers.forEach(r -> merged.add(r.endToEndDue()));
        }
        return merged;
    }

    public Map<Hop, Histogram> hops() {
        Map<Hop, Histogram> all = new EnumMap<>(Hop.class);
        for (Hop h : Hop.values()) {
            all.put(h, hop(h));
        }
        return all;
    }

    /**
     * Counters of a run.
     *
     * @param raised               samples the hardware received
     * @param published            samples the driver offered to the ring
     * @param driverDropped        samples the driver dropped itself, accounted
     * @param wakes                wakes the driver issued
     * @param readersWoken         waiters those wakes woke (as the wait queue counted them)
     * @param wakesBeforeUpdate    wakes issued in a handler invocation before it had published anything
     * @param updatesAfterLastWake invocations that published samples after their last wake (nobody told)
     * @param reads                read calls that returned data, EAGAIN or EOVERFLOW
     * @param eventsRead           samples returned by reads
     * @param eagain               nonblocking reads that found nothing
     * @param inReported           times poll or epoll reported IN to a reader
     * @param eagainAfterIn        first reads after an IN report that found nothing
     * @param overflowReports      reads that returned EOVERFLOW
     * @param lostReported         samples those reports said were lost
     * @param wokenEmpty           waits that slept, were woken, and then found nothing
     * @param undrainedEdgeWaits   edge-triggered waits entered without draining to EAGAIN first
     * @param duplicates           samples read more than once
     * @param bogus                values read that were never raised
     * @param eofs                 readers that saw end of file
     * @param readerErrors         reads that failed in a way read never does
     * @param timedOut             timed waits that ended at their deadline
     */
    public record Totals(long raised, long published, long driverDropped, long wakes, long readersWoken,
                         long wakesBeforeUpdate, long updatesAfterLastWake, long reads, long eventsRead, long eagain,
                         long inReported, long eagainAfterIn, long overflowReports, long lostReported,
                         long wokenEmpty, long undrainedEdgeWaits, long duplicates, long bogus, long eofs,
                         long readerErrors, long timedOut) {
    }
}
