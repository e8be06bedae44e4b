package io.wakepath.ring;

import io.wakepath.stress.harness.RingShape;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * Two producers claim slots at the same time (a shared IRQ line, two devices). Each offers one event into a
 * 2-slot ring pre-lapped to start mid-lap; the arbiter drains. Both events must be there exactly once: two claims of
 * one slot lose an event, a claim published before its value shows a stale one (9).
 */
@JCStressTest
@RingShape(topology = Topology.MPSC)
@Outcome(id = "12", expect = ACCEPTABLE, desc = "Producer 1 claimed first; both events read once.")
@Outcome(id = "21", expect = ACCEPTABLE, desc = "Producer 2 claimed first; both events read once.")
@Outcome(expect = FORBIDDEN, desc = "An event lost, duplicated or stale (9): two producers took one slot.")
@State
public class RingMultiProducerStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingMultiProducerStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();

    public RingMultiProducerStress() {
        RingUnderTest.lap(ring, reader, 1);
    }

    @Actor
    public void producer1() {
        ring.offer(1);
    }

    @Actor
    public void producer2() {
        ring.offer(2);
    }

    @Arbiter
    public void arbiter(J_Result r) {
        r.r1 = RingUnderTest.drain(reader, 0);
    }
}
