package io.wakepath.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** REPORT_OVERFLOW: the sticky flag, the count, and one report per loss, in frames and byte streams alike. */
@ParameterizedClass(name = "{0}")
@MethodSource("cases")
class OverflowReportContractTest {
    private final Ring ring;
    private final RingReader reader;
    private final int capacity;
    private final boolean bytes;

    OverflowReportContractTest(RingCase ringCase) {
        this.ring = ringCase.create();
        this.reader = ring.newReader();
        this.capacity = ringCase.config().capacity();
        this.bytes = ringCase.config().framing() == Framing.BYTE_STREAM;
    }

    static Stream<RingCase> cases() {
        return RingCase.supporting(c -> c.policy() == OverflowPolicy.REPORT_OVERFLOW);
    }

    private int read(int events) {
        return bytes ? reader.read(new byte[events * Long.BYTES], 0, events * Long.BYTES)
                : reader.read(new long[events], 0, events);
    }

    @Test
    void shouldReportEachLossOnceWithTheCountSinceTheLastReport() {
        for (int round = 1; round <= 3; round++) {
            for (long e = 0; e < capacity + round; e++) {
                ring.offer(e);
            }
            assertTrue(reader.isReady(), "the sticky flag makes the reader ready");
            assertEquals(Ring.EOVERFLOW, read(1));
            assertEquals(round, reader.lastLoss());
            assertEquals(bytes ? capacity * Long.BYTES : capacity, read(capacity), "the data was kept");
            assertEquals(round, reader.lastLoss(), "lastLoss keeps the last report");
            assertFalse(reader.isReady(), "reported once");
        }
        RingStats stats = ring.stats();
        assertEquals(1 + 2 + 3, stats.droppedNewest());
        assertTrue(stats.conserved(), stats.toString());
    }

    @Test
    void shouldReportALossToAHandlerReadOnceWithoutCallingIt() {
        for (long e = 0; e < capacity + 2; e++) {
            ring.offer(e);
        }
        if (bytes) {
            assertThrows(IllegalStateException.class, () -> reader.read(e -> { }, 1), "a byte stream has no frames");
            return;
        }
        assertEquals(Ring.EOVERFLOW, reader.read(e -> fail("a loss report hands nothing over"), capacity));
        assertEquals(2, reader.lastLoss());
        java.util.List<Long> seen = new java.util.ArrayList<>();
        while (reader.read(e -> seen.add(e), capacity) > 0) {
            assertFalse(seen.isEmpty());
        }
        assertEquals(java.util.stream.LongStream.range(0, capacity).boxed().toList(), seen, "then the data, kept");
        assertFalse(reader.isReady(), "reported once");
    }

    @Test
    void shouldNotReportWhenNothingWasLost() {
        for (long e = 0; e < capacity; e++) {
            assertTrue(ring.offer(e));
        }
        assertEquals(bytes ? capacity * Long.BYTES : capacity, read(capacity));
        assertEquals(0, read(1));
        assertEquals(0, reader.lastLoss());
    }
}
