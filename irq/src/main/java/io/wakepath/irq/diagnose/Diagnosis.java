package io.wakepath.irq.diagnose;

import io.wakepath.irq.driver.CharDriver;
import io.wakepath.irq.ledger.Conservation;
import io.wakepath.irq.ledger.Ledger;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.ReaderMode;
import io.wakepath.ring.RingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The eight checks of a run, each judged from the ledger, the hardware oracle, the driver's publish/wake trace and the
 * watchdog. A check FAILs on evidence that the link it names broke, WARNs on something worth a look that breaks no
 * rule, and PASSes otherwise, always saying what it saw.
 */
public final class Diagnosis {
    private final RunResult r;
    private final Ledger.Totals t;

    private Diagnosis(RunResult r) {
        this.r = r;
        this.t = r.totals();
    }

    public static List<Finding> of(RunResult result) {
        Diagnosis d = new Diagnosis(result);
        return List.of(d.irqDelivered(), d.handlerAcks(), d.dataBuffered(), d.stateBeforeWake(), d.sameQueue(),
                d.pollAccurate(), d.readAgrees(), d.teardownSafe());
    }

    public static boolean anyFailed(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.outcome() == Check.Outcome.FAIL);
    }

    private Finding irqDelivered() {
        Check c = Check.IRQ_DELIVERED;
        List<String> ev = new ArrayList<>();
        ev.add(r.device().raised() + " samples raised; the device's handler ran " + r.device().ownInterrupts()
                + " times with its status set");
        ev.add(r.scenario().trigger().name().toLowerCase() + " line: " + r.line().delivered() + " interrupts delivered, "
                + r.line().unhandled() + " claimed by no handler (" + r.scenario().neighbours() + " neighbours share it)");
        if (r.lineDisabled() != null) {
            ev.add(r.lineDisabled());
            return Finding.fail(c, "the line was disabled: nobody cared", ev);
        }
        if (r.device().raised() > 0 && r.device().ownInterrupts() == 0) {
            return Finding.fail(c, "samples were raised but the device's interrupt never reached its handler", ev);
        }
        return Finding.pass(c, "interrupts were delivered while samples arrived", ev);
    }

    private Finding handlerAcks() {
        Check c = Check.HANDLER_ACKS;
        var d = r.device();
        List<String> ev = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (d.disowned() > 0) {
            bad.add("returned IRQ_NONE " + d.disowned() + " times while its device was asserting (disowned its own)");
        }
        if (d.foreignClaims() > 0) {
            bad.add("returned IRQ_HANDLED " + d.foreignClaims() + " times when its device had raised nothing "
                    + "(claimed a neighbour's interrupt)");
        }
        if (d.leftUncleared() > 0) {
            bad.add(d.leftUncleared() + " handlings completed with the status bits that raised them still set "
                    + "(never cleared)");
        }
        if (d.ackedUndrained() > 0) {
            bad.add(d.ackedUndrained() + " times it cleared RX while samples were in the FIFO and read none of them "
                    + "afterwards (acknowledged events it never serviced)");
        }
        for (String e : r.irqErrors()) {
            bad.add(e);
        }
        if (!bad.isEmpty()) {
            ev.addAll(bad);
            return Finding.fail(c, bad.get(0), ev);
        }
        ev.add(d.ownInterrupts() + " own interrupts claimed and acknowledged; every other interrupt disowned; "
                + "RX never cleared over samples left unread");
        return Finding.pass(c, "the handler claims exactly its own interrupts and clears what it saw", ev);
    }

    private Finding dataBuffered() {
        Check c = Check.DATA_BUFFERED;
        Conservation law = r.conservation();
        List<String> ev = new ArrayList<>();
        ev.add(law.toString());
        for (Conservation.Stage s : law.stages()) {
            ev.add(s.toString());
        }
        ev.add("ring policy " + r.scenario().ringConfig().policy() + ": readers were told of " + t.lostReported()
                + " lost samples in " + t.overflowReports() + " EOVERFLOW reports");
        if (!law.holds()) {
            String where = law.stages().stream().filter(s -> s.unaccounted() != 0).map(Conservation.Stage::name)
                    .findFirst().orElse("overall");
            return Finding.fail(c, law.unaccounted() + " samples vanished without a trace (stage: " + where + ")", ev);
        }
        if (r.strandedAtEnd() > 0 || r.device().strandedRuns() > 0) {
            ev.add(r.device().strandedRuns() + " handler runs ended with samples in the FIFO and RX clear; "
                    + r.strandedAtEnd() + " samples still stranded after the settle phase");
            return Finding.fail(c, "samples were left in the hardware FIFO with nothing to raise them", ev);
        }
        if (reportsEveryLoss() && t.lostReported() != law.ringDroppedNewest()) {
            return Finding.fail(c, "the ring refused " + law.ringDroppedNewest() + " samples, but the readers were "
                    + "told of " + t.lostReported() + " lost (REPORT_OVERFLOW tells every loss once, with its count)",
                    ev);
        }
        if (law.hwOverruns() > 0) {
            return Finding.warn(c, law.hwOverruns() + " samples lost to hardware FIFO overruns (accounted): the IRQ "
                    + "side did not keep up", ev);
        }
        return Finding.pass(c, "every sample raised is read, dropped by a declared policy, or still queued", ev);
    }

    /**
     * Whether the losses told must equal the refusals: a report-overflow ring read from one shared head, every
     * reader reading to end of file (a pending report is read before it).
     */
    private boolean reportsEveryLoss() {
        RingConfig config = r.scenario().ringConfig();
        return config.policy() == OverflowPolicy.REPORT_OVERFLOW && config.readers() == ReaderMode.SHARED;
    }

    private Finding stateBeforeWake() {
        Check c = Check.STATE_BEFORE_WAKE;
        List<String> ev = new ArrayList<>();
        ev.add(t.wakes() + " wakes issued, " + t.readersWoken() + " waiters woken; " + t.wokenEmpty()
                + " blocking reads woke and found nothing");
        ev.add("longest time data sat readable while every reader slept: " + millis(r.maxReadableAsleepNanos()));
        List<String> bad = new ArrayList<>();
        if (t.wakesBeforeUpdate() > 0) {
            bad.add(t.wakesBeforeUpdate() + " wakes were issued before the handler had put anything in the ring");
        }
        if (t.updatesAfterLastWake() > 0) {
            bad.add(t.updatesAfterLastWake() + " handler runs put samples in the ring after their last wake "
                    + "(nobody was woken for them)");
        }
        boolean blocking = r.scenario().read() == ReadMode.BLOCKING;
        if (blocking) {
            for (Stall s : readableStalls()) {
                bad.add("lost wakeup: data readable for " + s.millis() + " ms while every reader slept in read"
                        + lateWake(s));
                ev.addAll(s.stacks());
            }
        }
        if (!bad.isEmpty()) {
            ev.addAll(0, bad);
            return Finding.fail(c, bad.get(0), ev);
        }
        return Finding.pass(c, "every handler run updated the ring, then woke; no reader slept through data", ev);
    }

    private Finding sameQueue() {
        Check c = Check.SAME_QUEUE;
        CharDriver.QueueUse q = r.queueUse();
        List<String> ev = new ArrayList<>();
        ev.add("blocking reads and .poll use " + (q.same() ? "one queue" : "two different queues") + "; the IRQ side "
                + "woke " + q.woken() + " distinct queue(s): the readers' " + (q.readWoken() ? "yes" : "NO")
                + ", the pollers' " + (q.pollWoken() ? "yes" : "NO"));
        if (q.woken() == 0) {
            return Finding.warn(c, "the IRQ side never woke anybody: nothing to judge", ev);
        }
        if (!q.readWoken() || !q.pollWoken()) {
            return Finding.fail(c, (q.readWoken() ? ".poll registers" : "blocking reads sleep")
                    + " on a queue the IRQ side never wakes", ev);
        }
        return Finding.pass(c, "readers and pollers wait on the queue the interrupt wakes", ev);
    }

    private Finding pollAccurate() {
        Check c = Check.POLL_ACCURATE;
        List<String> ev = new ArrayList<>();
        if (!r.scenario().read().polls()) {
            ev.add("not exercised by blocking readers: run with --read poll, epoll-lt or epoll-et");
            return Finding.pass(c, "not exercised (blocking reads)", ev);
        }
        ev.add(t.inReported() + " readiness reports of IN; longest time data sat readable while every reader slept "
                + "in " + r.scenario().read().id() + ": " + millis(r.maxReadableAsleepNanos()));
        if (t.undrainedEdgeWaits() == 0 && !readableStalls().isEmpty()) {
            Stall s = readableStalls().get(0);
            ev.add(0, "lost readiness: data readable for " + s.millis() + " ms while every reader slept in "
                    + r.scenario().read().id() + lateWake(s));
            ev.addAll(s.stacks());
            return Finding.fail(c, ev.get(0), ev);
        }
        return Finding.pass(c, "every readiness change reached the waiting pollers", ev);
    }

    private Finding readAgrees() {
        Check c = Check.READ_AGREES;
        List<String> ev = new ArrayList<>();
        if (!r.scenario().read().polls()) {
            ev.add("not exercised by blocking readers: run with --read poll, epoll-lt or epoll-et");
            return Finding.pass(c, "not exercised (blocking reads)", ev);
        }
        ev.add(t.inReported() + " IN reports; " + t.eagainAfterIn() + " of the reads that followed found nothing "
                + "(EAGAIN); " + t.eagain() + " EAGAIN in all");
        if (t.eagainAfterIn() > 0 && r.scenario().readers() == 1) {
            return Finding.fail(c, "poll said IN and the single reader's read then returned EAGAIN "
                    + t.eagainAfterIn() + " times", ev);
        }
        if (t.undrainedEdgeWaits() > 0) {
            ev.add(t.undrainedEdgeWaits() + " times an edge-triggered reader waited again without reading to EAGAIN");
            if (!readableStalls().isEmpty()) {
                Stall s = readableStalls().get(0);
                ev.add("data readable for " + s.millis() + " ms while the readers waited for an edge");
                ev.addAll(s.stacks());
                return Finding.fail(c, "an EPOLLET reader did not drain to EAGAIN, and data it left was not "
                        + "reported again", ev);
            }
            return Finding.warn(c, "an EPOLLET reader waited without draining to EAGAIN (harmless this run)", ev);
        }
        if (t.eagainAfterIn() > 0) {
            ev.add("with " + r.scenario().readers() + " readers, another reader may take the data first");
        }
        return Finding.pass(c, "every IN was followed by data for a single reader", ev);
    }

    private Finding teardownSafe() {
        Check c = Check.TEARDOWN_SAFE;
        List<String> ev = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        if (t.duplicates() > 0) {
            bad.add(t.duplicates() + " samples were read twice");
        }
        if (t.bogus() > 0) {
            bad.add(t.bogus() + " values read were never raised (a stale or torn slot)");
        }
        if (t.readerErrors() > 0) {
            bad.add(t.readerErrors() + " reads failed in a way read never does");
        }
        bad.addAll(r.problems());
        if (r.usesAfterRelease() > 0) {
            bad.add(r.usesAfterRelease() + " uses of the driver after release");
        }
        for (Stall s : r.stalls()) {
            if (s.kind() == Stall.Kind.HARD_IRQ_STUCK) {
                bad.add("the interrupt CPU was stuck in a hard handler for " + s.millis() + " ms");
                bad.addAll(s.stacks());
            }
        }
        if (r.eofs() < r.scenario().readers()) {
            bad.add((r.scenario().readers() - r.eofs()) + " of " + r.scenario().readers()
                    + " readers never read end of file after the hang-up");
        }
        ev.add(r.scenario().readers() + " readers, " + r.readersEnded() + " ended, " + r.eofs()
                + " read end of file after the hang-up; " + t.eventsRead() + " samples read, each checked once");
        if (!bad.isEmpty()) {
            ev.addAll(0, bad);
            return Finding.fail(c, bad.get(0).lines().findFirst().orElse(""), ev);
        }
        return Finding.pass(c, "no sample read twice or invented; every reader woke at hang-up and ended; "
                + "nothing used after release", ev);
    }

    /** The watchdog's reports of data readable while every reader slept. */
    /** For a stall in timed waits: what a late wake is, since their results were legal. */
    private static String lateWake(Stall s) {
        return s.timedWaits() ? " (timed waits: a late wake, they sleep on to their deadlines and return a legal "
                + "timeout)" : "";
    }

    private List<Stall> readableStalls() {
        return r.stalls().stream().filter(s -> s.kind() == Stall.Kind.READABLE_WHILE_ALL_WAIT).toList();
    }

    static String millis(long nanos) {
        return String.format("%.1f ms", nanos / (double) TimeUnit.MILLISECONDS.toNanos(1));
    }
}
