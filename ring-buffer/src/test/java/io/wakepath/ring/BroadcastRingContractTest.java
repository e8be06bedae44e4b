package io.wakepath.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broadcast readers: a cursor each, every event to every reader, lapped readers told how many they lost. */
@ParameterizedClass(name = "{0}")
@MethodSource("cases")
class BroadcastRingContractTest {
    private final Ring ring;
    private final int capacity;

    BroadcastRingContractTest(RingCase ringCase) {
        this.ring = ringCase.create();
        this.capacity = ringCase.config().capacity();
    }

    static Stream<RingCase> cases() {
        return RingCase.supporting(c -> c.readers() == ReaderMode.BROADCAST);
    }

    private static long[] read(RingReader reader, int max) {
        long[] buf = new long[max];
        int n = reader.read(buf, 0, max);
        assertTrue(n >= 0, "read returned " + n);
        return java.util.Arrays.copyOf(buf, n);
    }

    @Test
    void shouldGiveEveryEventToEveryReader() {
        RingReader a = ring.newReader();
        RingReader b = ring.newReader();
        ring.offer(1);
        ring.offer(2);
        assertArrayEquals(new long[] {1, 2}, read(a, 4));
        assertArrayEquals(new long[] {1}, read(b, 1));
        assertArrayEquals(new long[] {2}, read(b, 4));
        assertFalse(a.isReady());
        assertFalse(b.isReady());
    }

    @Test
    void shouldStartANewReaderAtTheNextEvent() {
        ring.offer(1);
        RingReader late = ring.newReader();
        assertFalse(late.isReady());
        ring.offer(2);
        assertArrayEquals(new long[] {2}, read(late, 4));
    }

    @Test
    void shouldNeverRefuseTheProducer() {
        ring.newReader();
        for (long e = 0; e < capacity * 5; e++) {
            assertTrue(ring.offer(e), "a broadcast producer never waits for a reader");
        }
        RingStats stats = ring.stats();
        assertEquals(capacity * 5L, stats.enqueued());
        assertEquals(capacity * 4L, stats.droppedOldest(), "overwritten slots");
        assertTrue(stats.conserved(), stats.toString());
    }

    @Test
    void shouldTellALappedReaderHowManyEventsItLost() {
        RingReader slow = ring.newReader();
        int total = capacity * 3 + 1;
        for (long e = 0; e < total; e++) {
            ring.offer(e);
        }
        assertTrue(slow.isReady());
        long[] buf = new long[total];
        assertEquals(Ring.EOVERFLOW, slow.read(buf, 0, total));
        long lost = slow.lastLoss();
        assertTrue(lost >= total - capacity && lost <= total - capacity + 1,
                "lost " + lost + ": at most capacity (lock-free: capacity - 1) events stay readable");
        long[] rest = read(slow, total);
        assertEquals(total - lost, rest.length, "read + lost = offered");
        for (int i = 0; i < rest.length; i++) {
            assertEquals(lost + i, rest[i], "the survivors, in order, right after the loss");
        }
        assertFalse(slow.isReady());
    }

    @Test
    void shouldNotDisturbAReaderThatKeepsUp() {
        RingReader fast = ring.newReader();
        RingReader slow = ring.newReader();
        long expected = 0;
        for (long e = 0; e < capacity * 4L; e++) {
            ring.offer(e);
            for (long got : read(fast, capacity)) {
                assertEquals(expected++, got);
            }
        }
        assertEquals(capacity * 4L, expected);
        long[] buf = new long[capacity];
        assertEquals(Ring.EOVERFLOW, slow.read(buf, 0, capacity));
    }
}
