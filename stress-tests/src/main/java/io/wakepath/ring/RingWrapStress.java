package io.wakepath.ring;

import io.wakepath.stress.harness.RingShape;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJJ_Result;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * No event lost, duplicated or reordered across a wrap. A ring of 2 slots, pre-lapped 3 times so the indices start
 * mid-lap: events 1, 2, 3 go to slots 1, 0 (the wrap), 1. The producer offers 1, 2, 3 while the reader makes two
 * reads of up to 2 events; the arbiter drains what is left. Results are digit strings in order (9 = a stale slot):
 *
 *   r1 = what the reader read, r2 = what the arbiter drained, r3 = what offer() accepted
 *
 * r1 followed by r2 must be exactly r3 (DROP_NEWEST), or r3 minus the evicted oldest (DROP_OLDEST).
 */
public class RingWrapStress {

    @JCStressTest
    @RingShape(exactCapacity = true)
    @Outcome(id = "0, 12, 12", expect = ACCEPTABLE, desc = "The reader ran first and found nothing; 3 was refused (full); 1, 2 drained.")
    @Outcome(id = "1, 2, 12", expect = ACCEPTABLE, desc = "3 was refused before the reader took 1; 2 was left.")
    @Outcome(id = "12, 0, 12", expect = ACCEPTABLE, desc = "3 was refused before the reader took 1 and 2.")
    @Outcome(id = "1, 23, 123", expect = ACCEPTABLE, desc = "The reader took 1, which made room for 3; 2, 3 were left.")
    @Outcome(id = "12, 3, 123", expect = ACCEPTABLE, desc = "The reader took 1, 2 across the wrap; 3 was accepted and left.")
    @Outcome(id = "123, 0, 123", expect = ACCEPTABLE, desc = "The reader took every event, across the wrap.")
    @Outcome(expect = FORBIDDEN, desc = "An event lost, duplicated, reordered or stale (9), or accepted and never read.")
    @State
    public static class DropNewest {
        static final RingConfig CONFIG = RingUnderTest.config(DropNewest.class);
        final Ring ring = RingUnderTest.create(CONFIG);
        final RingReader reader = ring.newReader();
        final long[] buf = new long[2];

        public DropNewest() {
            RingUnderTest.lap(ring, reader, CONFIG.capacity() + 1);
        }

        @Actor
        public void producer(JJJ_Result r) {
            r.r3 = RingUnderTest.offerUpTo(ring, 3);
        }

        @Actor
        public void reader(JJJ_Result r) {
            r.r1 = RingUnderTest.readSome(reader, buf, 2);
        }

        @Arbiter
        public void drain(JJJ_Result r) {
            r.r2 = RingUnderTest.drain(reader, 0);
        }
    }

    @JCStressTest
    @RingShape(policy = OverflowPolicy.DROP_OLDEST, exactCapacity = true)
    @Outcome(id = "0, 23, 123, 1", expect = ACCEPTABLE, desc = "The reader ran first; 3 evicted 1 (counted); 2, 3 drained.")
    @Outcome(id = "23, 0, 123, 1", expect = ACCEPTABLE, desc = "3 evicted 1 (counted) before the reader took 2, 3.")
    @Outcome(id = "2, 3, 123, 1", expect = ACCEPTABLE, desc = "3 evicted 1 (counted) before the reader took 2; 3 was left.")
    @Outcome(id = "1, 23, 123, 0", expect = ACCEPTABLE, desc = "The reader took 1, which made room for 3.")
    @Outcome(id = "12, 3, 123, 0", expect = ACCEPTABLE, desc = "The reader took 1, 2 before 3 arrived.")
    @Outcome(id = "123, 0, 123, 0", expect = ACCEPTABLE, desc = "The reader took every event, nothing evicted.")
    @Outcome(id = "1, 2, 12, 0", expect = ACCEPTABLE_INTERESTING, desc = "3 arrived while the reader was still copying 1 out of its slot: refused and counted (lock-free rings never wait).")
    @Outcome(id = "12, 0, 12, 0", expect = ACCEPTABLE_INTERESTING, desc = "3 arrived while the reader was still copying 1 out of its slot: refused and counted (lock-free rings never wait).")
    @Outcome(expect = FORBIDDEN, desc = "An event lost without being counted, duplicated, reordered or stale (9).")
    @State
    public static class DropOldest {
        static final RingConfig CONFIG = RingUnderTest.config(DropOldest.class);
        final Ring ring = RingUnderTest.create(CONFIG);
        final RingReader reader = ring.newReader();
        final long[] buf = new long[2];

        public DropOldest() {
            RingUnderTest.lap(ring, reader, CONFIG.capacity() + 1);
        }

        @Actor
        public void producer(JJJJ_Result r) {
            r.r3 = RingUnderTest.offerUpTo(ring, 3);
        }

        @Actor
        public void reader(JJJJ_Result r) {
            r.r1 = RingUnderTest.readSome(reader, buf, 2);
        }

        @Arbiter
        public void drain(JJJJ_Result r) {
            r.r2 = RingUnderTest.drain(reader, 0);
            RingStats stats = ring.stats();
            r.r4 = stats.conserved() ? stats.droppedOldest() : -1;
        }
    }
}
