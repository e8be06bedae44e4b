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
 * A byte stream is a stream: reads of any length, ending anywhere inside an event, concatenate to exactly the bytes
 * of the events accepted, in order -- an event split across reads (and across the wrap) is neither dropped nor
 * repeated nor mixed with another. And a partly read event is readable: isReady() is true while any of its bytes
 * are left. Two slots, pre-lapped so the events go to slots 1, 0 (the wrap), 1. The producer offers events 1, 2, 3
 * (byte i of event k is 16k + i); the reader reads 3 bytes twice; the arbiter asks isReady() before each read and
 * reads 5 bytes at a time until nothing is left. The bytes are cut into groups of 8 and each decoded (9 for a group
 * that is no whole event, or bytes left over):
 *
 *   r1 = the events read back, as digits, r2 = reads whose readiness disagreed with them, r3 = the events accepted
 */
@JCStressTest
@RingShape(framing = Framing.BYTE_STREAM, exactCapacity = true)
@Outcome(id = "12, 0, 12", expect = ACCEPTABLE, desc = "3 was refused (full); 1 and 2 read back whole, in order.")
@Outcome(id = "123, 0, 123", expect = ACCEPTABLE, desc = "All three read back whole, in order, across the wrap.")
@Outcome(id = ".*9.*", expect = FORBIDDEN, desc = "Bytes that are no whole event: part of an event dropped, repeated or mixed with another when a read ended inside it.")
@Outcome(expect = FORBIDDEN, desc = "Events lost or reordered, or isReady() disagreeing with a read (a partly read event not ready).")
@State
public class RingByteStreamStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingByteStreamStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final byte[] stream = new byte[64];
    int length;

    public RingByteStreamStress() {
        byte[] stale = new byte[Long.BYTES];
        for (int i = 0; i < 3; i++) {
            if (!ring.offer(RingUnderTest.STALE) || reader.read(stale, 0, stale.length) != stale.length) {
                throw new IllegalStateException(ring + " failed the single-threaded pre-lap");
            }
        }
    }

    static long event(int k) {
        long e = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            e |= (long) (16 * k + i) << (8 * i);
        }
        return e;
    }

    @Actor
    public void producer(JJJ_Result r) {
        long accepted = 0;
        for (int k = 1; k <= 3; k++) {
            if (ring.offer(event(k))) {
                accepted = accepted * 10 + k;
            }
        }
        r.r3 = accepted;
    }

    @Actor
    public void reader() {
        read(3);
        read(3);
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        long disagreements = 0;
        for (int attempt = 0; attempt < 16; attempt++) {
            boolean ready = reader.isReady();
            int n = read(5);
            if (ready != (n != 0)) {
                disagreements++;
            }
            if (n == 0) {
                break;
            }
        }
        r.r1 = decode();
        r.r2 = disagreements;
    }

    private int read(int bytes) {
        int n = reader.read(stream, length, Math.min(bytes, stream.length - length));
        if (n > 0) {
            length += n;
        }
        return n;
    }

    private long decode() {
        long digits = 0;
        for (int at = 0; at < length; at += Long.BYTES) {
            int k = (stream[at] & 0xFF) / 16;
            boolean whole = at + Long.BYTES <= length && k >= 1 && k <= 3;
            for (int i = 0; whole && i < Long.BYTES; i++) {
                whole = (stream[at + i] & 0xFF) == 16 * k + i;
            }
            digits = digits * 10 + (whole ? k : 9);
        }
        return digits;
    }
}
