package io.wakepath.ring;

import io.wakepath.stress.harness.RingShapes;
import io.wakepath.stress.harness.UnderTest;

/**
 * The ring strategy the forked jcstress VM tests, named by the system property {@code wakepath.ring}
 * ({@code -jvmArgsPrepend -Dwakepath.ring=ID}; {@code ./wakepath test} sets it per strategy). One litmus catalogue
 * serves every strategy: the strategies are listed once, in {@link RingStrategies}. Each test declares the ring it
 * needs with {@link io.wakepath.stress.harness.RingShape}.
 */
public final class RingUnderTest {
    /**
     * The value the pre-lapped slots hold: a reader that returns it read a slot not written for this lap. Wide, as
     * the events of {@link #offerUpTo} are: a ring that keeps wide events beside its slots has stale ones there too.
     */
    public static final long STALE = RingEvents.wide(9);

    private static final RingStrategy STRATEGY = UnderTest.resolve(RingBinding.INSTANCE);

    private RingUnderTest() {
    }

    /** The ring {@code test} declares with its {@link io.wakepath.stress.harness.RingShape}, for this strategy. */
    public static RingConfig config(Class<?> test) {
        return RingShapes.config(test, STRATEGY);
    }

    /** A new ring of the strategy under test; {@code config} comes from {@link #config}. */
    public static Ring create(RingConfig config) {
        return STRATEGY.create(config);
    }

    /**
     * {@code events} read back as decimal digits in order, by the number each was offered as ({@link RingEvents}; 9
     * for any number outside 1..8, such as STALE's).
     */
    public static long digits(long digits, long[] events, int count) {
        for (int i = 0; i < count; i++) {
            long k = RingEvents.number(events[i]);
            digits = digits * 10 + (k >= 1 && k <= 8 ? k : 9);
        }
        return digits;
    }

    /** Offers events 1, 2, ... {@code last} ({@link RingEvents#wide}); returns the accepted ones as digits in order. */
    public static long offerUpTo(Ring ring, long last) {
        long accepted = 0;
        for (long e = 1; e <= last; e++) {
            if (ring.offer(RingEvents.wide(e))) {
                accepted = accepted * 10 + e;
            }
        }
        return accepted;
    }

    /** Makes {@code reads} reads of up to {@code buf.length} events; what they returned as digits, -1 on EOVERFLOW. */
    public static long readSome(RingReader reader, long[] buf, int reads) {
        long seen = 0;
        for (int i = 0; i < reads; i++) {
            int n = reader.read(buf, 0, buf.length);
            if (n < 0) {
                return -1;
            }
            seen = digits(seen, buf, n);
        }
        return seen;
    }

    /** Reads everything left (bounded: a ring that never empties is reported, not looped on) as digits. */
    public static long drain(RingReader reader, long digits) {
        long[] buf = new long[8];
        for (int attempt = 0; attempt < 16; attempt++) {
            int n = reader.read(buf, 0, buf.length);
            if (n == 0) {
                return digits;
            }
            if (n > 0) {
                digits = digits(digits, buf, n);
            }
        }
        return -digits - 1;   // never empty: shows as a negative, forbidden outcome
    }

    /**
     * Offers and reads {@code events} events of value {@link #STALE} through {@code reader}, so every slot the test
     * uses next holds an old value and the indices start mid-lap (a broadcast reader must be created after).
     */
    public static void lap(Ring ring, RingReader reader, int events) {
        long[] one = new long[1];
        for (int i = 0; i < events; i++) {
            if (!ring.offer(STALE) || reader.read(one, 0, 1) != 1 || one[0] != STALE) {
                throw new IllegalStateException(ring + " failed the single-threaded pre-lap");
            }
        }
    }

    /** Offers {@link #STALE} {@code events} times without reading (for broadcast rings: overwrites every slot). */
    public static void fill(Ring ring, int events) {
        for (int i = 0; i < events; i++) {
            ring.offer(STALE);
        }
    }
}
