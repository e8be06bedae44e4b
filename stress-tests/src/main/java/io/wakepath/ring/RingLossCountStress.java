package io.wakepath.ring;

import io.wakepath.stress.harness.RingShape;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * REPORT_OVERFLOW with several losses, and readiness while a loss is pending. The producer offers 1..6 into 2 slots
 * (most are refused) while the reader reads once; then the arbiter, alone, asks isReady() before every read and reads
 * until a read finds nothing. Every refused event must be reported lost, however the refusals and the reports
 * interleaved (the count the reader is told, summed over its EOVERFLOW results, equals the refusals: no loss counted
 * twice, none forgotten when the reader took the count while the producer added to it). And with one reader,
 * isReady() is true exactly when the next read returns data or EOVERFLOW: a pending loss makes the reader ready (a
 * poll reports it), and a reader told "not ready" must not then be handed a report.
 *
 *   r1 = refused - reported lost, r2 = reads whose readiness disagreed with them, r3 = refused
 */
@JCStressTest
@RingShape(policy = OverflowPolicy.REPORT_OVERFLOW, exactCapacity = true)
@Outcome(id = "0, 0, .*", expect = ACCEPTABLE, desc = "Every loss reported once, with readiness in step with the reads.")
@Outcome(id = "-?[1-9][0-9]*, .*", expect = FORBIDDEN, desc = "The losses reported differ from the events refused: a count lost or doubled.")
@Outcome(expect = FORBIDDEN, desc = "isReady() disagreed with the read after it (e.g. a pending loss not ready).")
@State
public class RingLossCountStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingLossCountStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final long[] buf = new long[2];
    long reportedLost;

    public RingLossCountStress() {
        RingUnderTest.lap(ring, reader, 1);
    }

    @Actor
    public void producer(JJJ_Result r) {
        long refused = 0;
        for (long e = 1; e <= 6; e++) {
            if (!ring.offer(e)) {
                refused++;
            }
        }
        r.r3 = refused;
    }

    @Actor
    public void reader() {
        if (reader.read(buf, 0, buf.length) == Ring.EOVERFLOW) {
            reportedLost += reader.lastLoss();
        }
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        long disagreements = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            boolean ready = reader.isReady();
            int n = reader.read(buf, 0, buf.length);
            if (ready != (n != 0)) {
                disagreements++;
            }
            if (n == Ring.EOVERFLOW) {
                reportedLost += reader.lastLoss();
            } else if (n == 0) {
                break;
            }
        }
        r.r1 = r.r3 - reportedLost;
        r.r2 = disagreements;
    }
}
