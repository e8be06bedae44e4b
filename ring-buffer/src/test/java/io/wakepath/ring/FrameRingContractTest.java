package io.wakepath.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The sequential contract of a ring with shared readers and whole frames, for every strategy and policy. */
@ParameterizedClass(name = "{0}")
@MethodSource("cases")
class FrameRingContractTest {
    private final RingCase ringCase;
    private final Ring ring;
    private final RingReader reader;
    private final int capacity;

    FrameRingContractTest(RingCase ringCase) {
        this.ringCase = ringCase;
        this.ring = ringCase.create();
        this.reader = ring.newReader();
        this.capacity = ringCase.config().capacity();
    }

    static Stream<RingCase> cases() {
        return RingCase.supporting(c -> c.framing() == Framing.FRAME && c.readers() == ReaderMode.SHARED);
    }

    private long[] read(int max) {
        long[] buf = new long[max];
        int n = reader.read(buf, 0, max);
        assertTrue(n >= 0, "read returned " + n);
        return java.util.Arrays.copyOf(buf, n);
    }

    @Test
    void shouldReadNothingFromAnEmptyRing() {
        assertFalse(reader.isReady());
        assertEquals(0, read(4).length);
        assertEquals(0, ring.size());
    }

    @Test
    void shouldReturnEventsInOfferOrder() {
        for (long e = 1; e <= 5; e++) {
            assertTrue(ring.offer(e));
        }
        assertArrayEquals(new long[] {1, 2}, read(2));
        assertArrayEquals(new long[] {3, 4, 5}, read(8));
    }

    @Test
    void shouldKeepOrderAcrossManyWraps() {
        long next = 0;
        long expected = 0;
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < capacity - 1; i++) {
                assertTrue(ring.offer(next++));
            }
            for (long e : read(capacity)) {
                assertEquals(expected++, e);
            }
        }
        assertEquals(next, expected);
    }

    @Test
    void shouldAcceptExactlyCapacityEventsWithoutLoss() {
        for (long e = 0; e < capacity; e++) {
            assertTrue(ring.offer(e));
        }
        assertEquals(capacity, ring.size());
        assertEquals(capacity, read(capacity * 2).length);
        assertEquals(new RingStats(capacity, 0, 0, capacity, 0), ring.stats());
    }

    @Test
    void shouldApplyItsOverflowPolicyWhenFull() {
        for (long e = 1; e <= capacity + 3; e++) {
            boolean accepted = ring.offer(e);
            assertEquals(e <= capacity || ringCase.config().policy() == OverflowPolicy.DROP_OLDEST, accepted,
                    "offer of event " + e);
        }
        assertEquals(capacity, ring.size(), "size never exceeds the capacity");
        RingStats stats = ring.stats();
        assertTrue(stats.conserved(), stats.toString());
        assertEquals(capacity + 3, stats.offered());
        switch (ringCase.config().policy()) {
            case DROP_NEWEST -> {
                assertEquals(3, stats.droppedNewest());
                assertArrayEquals(firstEvents(1, capacity), read(capacity));
            }
            case DROP_OLDEST -> {
                assertEquals(3, stats.droppedOldest());
                assertArrayEquals(firstEvents(4, capacity), read(capacity));
            }
            case REPORT_OVERFLOW -> {
                assertEquals(3, stats.droppedNewest());
                assertTrue(reader.isReady());
                long[] buf = new long[capacity];
                assertEquals(Ring.EOVERFLOW, reader.read(buf, 0, capacity), "the loss is reported first");
                assertEquals(3, reader.lastLoss());
                assertEquals(0, reader.read(e -> fail("reported already"), 0), "a zero-length read reports nothing");
                assertArrayEquals(firstEvents(1, capacity), read(capacity), "then the data, which was kept");
                assertFalse(reader.isReady(), "reported once only");
                assertEquals(0, read(capacity).length);
            }
        }
        assertEquals(new RingStats(stats.enqueued(), stats.droppedNewest(), stats.droppedOldest(), capacity, 0),
                ring.stats());
    }

    /** Every event {@code read(handler, max)} hands over until it returns 0; each call hands 1 to {@code max}. */
    private List<Long> readToHandler(int max) {
        List<Long> seen = new ArrayList<>();
        int n;
        while ((n = reader.read(e -> seen.add(e), max)) > 0) {
            assertTrue(n <= max, "handed " + n + " for max " + max);
        }
        assertEquals(0, n);
        return seen;
    }

    @Test
    void shouldHandEventsToAHandlerInOfferOrderAcrossWraps() {
        long next = Long.MIN_VALUE;                     // wide ones and small ones, negative and positive
        long expected = next;
        for (int round = 0; round < 3 * capacity; round++) {
            int batch = 1 + round % capacity;
            for (int i = 0; i < batch; i++) {
                assertTrue(ring.offer(next));
                next += 0x0123_4567_89AB_CDEFL;
            }
            for (long e : readToHandler(1 + round % 3)) {
                assertEquals(expected, e);
                expected += 0x0123_4567_89AB_CDEFL;
            }
            assertFalse(reader.isReady());
        }
        assertEquals(next, expected);
        assertEquals(0, reader.read(e -> fail("nothing to hand over"), 4));
    }

    @ParameterizedTest(name = "max {0}")
    @ValueSource(ints = {1, 8})                         // one event per call has a path of its own in some rings
    void shouldConsumeTheEventAHandlerThrowsOnAndKeepTheRest(int max) {
        for (long e = 1; e <= 4; e++) {
            assertTrue(ring.offer(e));
        }
        List<Long> seen = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            while (true) {
                reader.read(e -> {
                    seen.add(e);
                    if (e == 2) {
                        throw new IllegalStateException("handler");
                    }
                }, max);
            }
        });
        assertEquals("handler", thrown.getMessage());
        assertEquals(List.of(1L, 2L), seen);
        assertArrayEquals(new long[] {3, 4}, read(8), "the events after the throw stay; the one it threw on is taken");
        assertEquals(new RingStats(4, 0, 0, 4, 0), ring.stats());
    }

    @Test
    void shouldCheckAHandlerReadsArguments() {
        ring.offer(7);
        assertEquals(0, reader.read(e -> fail("max 0 hands nothing"), 0));
        assertThrows(IllegalArgumentException.class, () -> reader.read(e -> { }, -1));
        assertThrows(NullPointerException.class, () -> reader.read((java.util.function.LongConsumer) null, 1));
        assertArrayEquals(new long[] {7}, read(1));
    }

    @Test
    void shouldBeReadyExactlyWhenAReadReturnsData() {
        assertFalse(reader.isReady());
        ring.offer(7);
        assertTrue(reader.isReady());
        assertArrayEquals(new long[] {7}, read(1));
        assertFalse(reader.isReady());
    }

    @Test
    void shouldReadNothingForAZeroLengthRead() {
        ring.offer(7);
        assertEquals(0, reader.read(new long[1], 0, 0));
        assertTrue(reader.isReady());
    }

    @Test
    void shouldCopyAtTheRequestedOffset() {
        ring.offer(7);
        ring.offer(8);
        long[] buf = new long[4];
        assertEquals(2, reader.read(buf, 1, 3));
        assertArrayEquals(new long[] {0, 7, 8, 0}, buf);
    }

    @Test
    void shouldRejectOutOfBoundsReads() {
        assertThrows(IndexOutOfBoundsException.class, () -> reader.read(new long[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> reader.read(new long[2], -1, 1));
    }

    @Test
    void shouldRefuseByteReadsOfAFrameRing() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> reader.read(new byte[8], 0, 8));
        assertTrue(e.getMessage().contains("read(long[]"), e.getMessage());
    }

    @Test
    void shouldHandOutOneSharedReaderWhenSingleConsumer() {
        if (ringCase.strategy().topology().multiConsumer()) {
            RingReader second = ring.newReader();
            ring.offer(1);
            ring.offer(2);
            long[] one = new long[1];
            assertEquals(1, second.read(one, 0, 1));
            assertArrayEquals(new long[] {2}, read(1), "shared readers consume one head");
        } else {
            assertThrows(IllegalStateException.class, ring::newReader);
        }
    }

    private static long[] firstEvents(long first, int count) {
        long[] events = new long[count];
        for (int i = 0; i < count; i++) {
            events[i] = first + i;
        }
        return events;
    }
}
