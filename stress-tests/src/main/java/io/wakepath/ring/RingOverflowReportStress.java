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
 * REPORT_OVERFLOW: a refused event is reported to the reader exactly once, with the right count. The producer offers
 * 1, 2, 3 into 2 slots (3 is refused unless the reader made room); the reader reads twice, the arbiter until empty.
 *
 *   r1 = EOVERFLOW results seen, r2 = events those reports said were lost, r3 = offers refused
 */
@JCStressTest
@RingShape(policy = OverflowPolicy.REPORT_OVERFLOW, exactCapacity = true)
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "The reader made room in time: nothing refused, nothing reported.")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "3 was refused, and reported once as one lost event.")
@Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "3 was refused and never reported: a silent loss.")
@Outcome(expect = FORBIDDEN, desc = "A report twice, with the wrong count, or without a loss.")
@State
public class RingOverflowReportStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingOverflowReportStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final long[] buf = new long[2];
    long reports;
    long reportedLost;

    public RingOverflowReportStress() {
        RingUnderTest.lap(ring, reader, 1);
    }

    @Actor
    public void producer(JJJ_Result r) {
        long refused = 0;
        for (long e = 1; e <= 3; e++) {
            if (!ring.offer(e)) {
                refused++;
            }
        }
        r.r3 = refused;
    }

    @Actor
    public void reader() {
        read(2);
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        read(8);
        r.r1 = reports;
        r.r2 = reportedLost;
    }

    private void read(int attempts) {
        for (int i = 0; i < attempts; i++) {
            if (reader.read(buf, 0, buf.length) == Ring.EOVERFLOW) {
                reports++;
                reportedLost += reader.lastLoss();
            }
        }
    }
}
