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
 * A lapped broadcast reader is told how many events it lost, and never reads an overwritten slot as if it were the
 * event it expected. The producer offers 1..4 into 2 slots without waiting (it laps the reader); the reader reads
 * twice, the arbiter until empty.
 *
 *   r1 = events read, r2 = events reported lost (sum of lastLoss over EOVERFLOW), r3 = 1 if what was read is
 *   strictly increasing within 1..4 (no stale, duplicated or torn event), else 0
 *
 * r1 + r2 must be 4: every event is either read or reported lost.
 */
@JCStressTest
@RingShape(readers = ReaderMode.BROADCAST, policy = OverflowPolicy.DROP_OLDEST, exactCapacity = true)
@Outcome(id = "4, 0, 1", expect = ACCEPTABLE, desc = "The reader kept up: every event read.")
@Outcome(id = "3, 1, 1", expect = ACCEPTABLE, desc = "Lapped once: one event overwritten unread, and reported.")
@Outcome(id = "2, 2, 1", expect = ACCEPTABLE, desc = "Lapped: two events overwritten unread, and reported.")
@Outcome(id = "1, 3, 1", expect = ACCEPTABLE, desc = "Lapped: three events overwritten unread, and reported.")
@Outcome(expect = FORBIDDEN, desc = "An event lost silently, read twice, or read from an overwritten slot.")
@State
public class RingBroadcastLapStress {
    static final RingConfig CONFIG = RingUnderTest.config(RingBroadcastLapStress.class);
    final Ring ring = RingUnderTest.create(CONFIG);
    final RingReader reader = ring.newReader();
    final long[] buf = new long[4];
    long read;
    long lost;
    long last;
    boolean ordered = true;

    @Actor
    public void producer() {
        for (long e = 1; e <= 4; e++) {
            ring.offer(e);
        }
    }

    @Actor
    public void reader() {
        read(2);
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        read(8);
        r.r1 = read;
        r.r2 = lost;
        r.r3 = ordered ? 1 : 0;
    }

    private void read(int attempts) {
        for (int i = 0; i < attempts; i++) {
            int n = reader.read(buf, 0, buf.length);
            if (n == Ring.EOVERFLOW) {
                lost += reader.lastLoss();
            }
            for (int k = 0; k < n; k++) {
                ordered &= buf[k] > last && buf[k] <= 4;
                last = buf[k];
                read++;
            }
        }
    }
}
