package io.wakepath.ring;

import io.wakepath.stress.harness.RingShape;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * size() is computed from two indices that move while it reads them. Read in the wrong order (tail, then a head
 * that has since passed it) it goes negative; read without a stable head it can exceed the capacity. The producer
 * offers 1, 2 then samples size(); the reader takes one event then samples size(). Capacity 2.
 */
@JCStressTest
@RingShape
@Outcome(id = "[12], [012]", expect = ACCEPTABLE, desc = "Both samples within [0, capacity].")
@Outcome(expect = FORBIDDEN, desc = "A size below 0 or above the capacity: the indices were read inconsistently.")
@State
public class RingSizeStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingSizeStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final long[] buf = new long[1];

    public RingSizeStress() {
        RingUnderTest.lap(ring, reader, 1);
    }

    @Actor
    public void producer(JJ_Result r) {
        ring.offer(1);
        ring.offer(2);
        r.r1 = ring.size();
    }

    @Actor
    public void reader(JJ_Result r) {
        reader.read(buf, 0, 1);
        r.r2 = ring.size();
    }
}
