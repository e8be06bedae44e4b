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
 * Message passing through the ring: a reader that sees the producer's index move must see the event behind it.
 *
 * Every slot is pre-lapped with STALE (-1), so a reader that takes a slot before the producer's store reaches it
 * reads -1 instead of the event. That is the whole bug class of a missing release on the producer's index (or a
 * missing acquire on the reader's): the kernel's smp_store_release / smp_load_acquire pair of kfifo.
 *
 *   producer                     reader
 *   slot[t] = 42;                if (tail > t)        // la, pairs with so
 *   tail = t + 1;   // so           e = slot[t];      // must be 42
 *
 * One nested test per framing / reader mode; the runner picks those the strategy supports (see RingShape).
 * Expected: correct strategies never show "1, -1"; broken-plain-publish (tail stored first) shows it.
 */
public class RingPublicationStress {
    static final long EVENT = 42;
    static final long EVENT_BYTES = 0x0807060504030201L;

    @JCStressTest
    @RingShape
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The read ran before the tail moved: nothing to read (EAGAIN).")
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "The read saw the new tail and the event behind it.")
    @Outcome(id = "1, -1", expect = FORBIDDEN, desc = "Saw the new tail, but the slot's old value: index published before data.")
    @Outcome(expect = FORBIDDEN, desc = "Any other result is a broken ring.")
    @State
    public static class Frames {
        static final RingConfig CONFIG = RingUnderTest.config(Frames.class);
        final Ring ring = RingUnderTest.create(CONFIG);
        final RingReader reader = ring.newReader();
        final long[] buf = new long[1];

        public Frames() {
            RingUnderTest.lap(ring, reader, CONFIG.capacity());
        }

        @Actor
        public void producer() {
            ring.offer(EVENT);
        }

        @Actor
        public void reader(JJ_Result r) {
            int n = reader.read(buf, 0, 1);
            r.r1 = n;
            r.r2 = n == 1 ? buf[0] : 0;
        }
    }

    @JCStressTest
    @RingShape(framing = Framing.BYTE_STREAM)
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The read ran before the tail moved: nothing to read (EAGAIN).")
    @Outcome(id = "8, 578437695752307201", expect = ACCEPTABLE, desc = "The read saw the new tail and all 8 bytes of the event.")
    @Outcome(id = "8, -1", expect = FORBIDDEN, desc = "Saw the new tail, but the slot's old bytes: index published before data.")
    @Outcome(expect = FORBIDDEN, desc = "Any other result (a torn or partial event) is a broken ring.")
    @State
    public static class Bytes {
        static final RingConfig CONFIG = RingUnderTest.config(Bytes.class);
        final Ring ring = RingUnderTest.create(CONFIG);
        final RingReader reader = ring.newReader();
        final byte[] buf = new byte[Long.BYTES];

        public Bytes() {
            byte[] stale = new byte[Long.BYTES];
            for (int i = 0; i < CONFIG.capacity(); i++) {
                ring.offer(RingUnderTest.STALE);
                if (reader.read(stale, 0, stale.length) != stale.length) {
                    throw new IllegalStateException(ring + " failed the single-threaded pre-lap");
                }
            }
        }

        @Actor
        public void producer() {
            ring.offer(EVENT_BYTES);
        }

        @Actor
        public void reader(JJ_Result r) {
            int n = reader.read(buf, 0, buf.length);
            long value = 0;
            for (int i = 0; i < Math.max(n, 0); i++) {
                value |= (buf[i] & 0xFFL) << (8 * i);
            }
            r.r1 = n;
            r.r2 = value;
        }
    }

    @JCStressTest
    @RingShape(readers = ReaderMode.BROADCAST, policy = OverflowPolicy.DROP_OLDEST)
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "The read ran before the tail moved: nothing to read (EAGAIN).")
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "The broadcast reader saw the new tail and the event behind it.")
    @Outcome(id = "1, -1", expect = FORBIDDEN, desc = "Saw the new tail, but the overwritten slot's old value: index published before data.")
    @Outcome(expect = FORBIDDEN, desc = "Any other result is a broken ring.")
    @State
    public static class Broadcast {
        static final RingConfig CONFIG = RingUnderTest.config(Broadcast.class);
        final Ring ring = RingUnderTest.create(CONFIG);
        final RingReader reader;
        final long[] buf = new long[1];

        public Broadcast() {
            RingUnderTest.fill(ring, CONFIG.capacity());
            reader = ring.newReader();          // joins at the tail: the next event overwrites a STALE slot
        }

        @Actor
        public void producer() {
            ring.offer(EVENT);
        }

        @Actor
        public void reader(JJ_Result r) {
            int n = reader.read(buf, 0, 1);
            r.r1 = n;
            r.r2 = n == 1 ? buf[0] : 0;
        }
    }
}
