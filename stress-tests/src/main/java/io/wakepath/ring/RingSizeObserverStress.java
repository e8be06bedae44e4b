package io.wakepath.ring;

import io.wakepath.stress.harness.RingShape;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * size() "may be called from any thread" and is "never negative nor above the capacity". A third party (a monitor, a
 * .poll that counts) samples it while the other side moves both indices: one thread offers an event and reads it
 * back, the observer calls size() once. A size computed as tail - head from two separate reads sees the tail before
 * the offer and the head after the read: -1.
 *
 *   mover                      observer
 *   offer(1);                  r1 = size();
 *   read();
 */
@JCStressTest
@RingShape
@Outcome(id = "[01]", expect = ACCEPTABLE, desc = "A size between 0 and the capacity.")
@Outcome(expect = FORBIDDEN, desc = "A size below 0 or above the capacity: the indices were read inconsistently.")
@State
public class RingSizeObserverStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingSizeObserverStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final long[] buf = new long[1];

    public RingSizeObserverStress() {
        RingUnderTest.lap(ring, reader, 1);
    }

    @Actor
    public void mover() {
        ring.offer(1);
        reader.read(buf, 0, 1);
    }

    @Actor
    public void observer(J_Result r) {
        r.r1 = ring.size();
    }
}
