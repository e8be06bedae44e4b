package io.wakepath.ring;

import io.wakepath.stress.harness.RingShape;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * The readiness rule, with one reader: isReady() is true exactly when the next read returns an event. It is what a
 * driver's .poll reports as IN, so "ready, then nothing" is IN followed by EAGAIN, and "not ready with an event in
 * the ring" is a reader that sleeps on data. The producer offers one event while the reader asks and then reads;
 * when both are done the arbiter asks again and reads what is left:
 *
 *   producer                 reader                       arbiter (both done)
 *   offer(1);                r1 = isReady();              r3 = isReady();
 *                            r2 = read();  (events)       r4 = read();  (events)
 *
 * A ring that counts an event as there before it can be read (a sequence claimed, the cell not filled yet; a size
 * from two racy index reads) shows "1, 0": ready, then nothing. A quiescent ring must agree with itself: r3 == r4.
 * The ring is pre-lapped, so the indices start mid-lap.
 */
@JCStressTest
@RingShape
@Outcome(id = "0, 0, 1, 1", expect = ACCEPTABLE, desc = "The reader came first: not ready, nothing read; the event is there for the next read.")
@Outcome(id = "0, 1, 0, 0", expect = ACCEPTABLE, desc = "Not ready when asked; the event arrived before the read, which took it.")
@Outcome(id = "1, 1, 0, 0", expect = ACCEPTABLE, desc = "Ready, and the read took the event.")
@Outcome(id = "1, 0, .*", expect = FORBIDDEN, desc = "Ready, then the read found nothing: readiness ahead of the data (IN, then EAGAIN).")
@Outcome(expect = FORBIDDEN, desc = "A quiescent ring disagrees with itself (ready with nothing to read, or not ready with an event), or an event lost or doubled.")
@State
public class RingReadinessStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingReadinessStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final long[] buf = new long[2];

    public RingReadinessStress() {
        RingUnderTest.lap(ring, reader, 1);
    }

    @Actor
    public void producer() {
        ring.offer(1);
    }

    @Actor
    public void reader(IIII_Result r) {
        r.r1 = reader.isReady() ? 1 : 0;
        r.r2 = reader.read(buf, 0, 1);
    }

    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r3 = reader.isReady() ? 1 : 0;
        r.r4 = reader.read(buf, 0, 2);
    }
}
