package io.wakepath.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The byte-stream contract: events as 8 little-endian bytes, reads of any length, partial events kept in place. */
@ParameterizedClass(name = "{0}")
@MethodSource("cases")
class ByteStreamRingContractTest {
    private final Ring ring;
    private final RingReader reader;
    private final int capacity;

    ByteStreamRingContractTest(RingCase ringCase) {
        this.ring = ringCase.create();
        this.reader = ring.newReader();
        this.capacity = ringCase.config().capacity();
    }

    static Stream<RingCase> cases() {
        return RingCase.supporting(c -> c.framing() == Framing.BYTE_STREAM);
    }

    private static byte[] littleEndian(long... events) {
        ByteBuffer buf = ByteBuffer.allocate(events.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long e : events) {
            buf.putLong(e);
        }
        return buf.array();
    }

    @Test
    void shouldStreamEventsAsLittleEndianBytes() {
        ring.offer(0x0807060504030201L);
        byte[] buf = new byte[8];
        assertEquals(8, reader.read(buf, 0, 8));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, buf);
    }

    @Test
    void shouldSplitEventsAcrossReadsOfAnyLength() {
        long[] events = {0x1111111111111111L, -2, 0x0123456789ABCDEFL, 42};
        for (long e : events) {
            assertTrue(ring.offer(e));
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] chunk = new byte[3];
        int n;
        while ((n = reader.read(chunk, 0, chunk.length)) > 0) {
            got.write(chunk, 0, n);
        }
        assertArrayEquals(littleEndian(events), got.toByteArray());
    }

    @Test
    void shouldKeepAPartlyReadEventInItsSlot() {
        for (long e = 0; e < capacity; e++) {
            assertTrue(ring.offer(e));
        }
        assertEquals(5, reader.read(new byte[5], 0, 5));
        assertEquals(capacity, ring.size(), "the partly read event still holds its slot: the ring is still full");
        assertTrue(reader.isReady(), "the rest of the event is readable");
        assertEquals(3, reader.read(new byte[3], 0, 3));
        assertEquals(capacity - 1, ring.size());
        assertTrue(ring.offer(100));
    }

    @Test
    void shouldStayInOrderAcrossWraps() {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long[] sent = new long[capacity * 10];
        byte[] chunk = new byte[13];
        int sentCount = 0;
        for (long e = 0; e < sent.length; e++) {
            if (ring.offer(e * 0x0101010101L)) {
                sent[sentCount++] = e * 0x0101010101L;
            }
            int n = reader.read(chunk, 0, (int) (e % chunk.length));
            got.write(chunk, 0, Math.max(n, 0));
        }
        int n;
        while ((n = reader.read(chunk, 0, chunk.length)) > 0) {
            got.write(chunk, 0, n);
        }
        assertArrayEquals(littleEndian(java.util.Arrays.copyOf(sent, sentCount)), got.toByteArray());
        assertTrue(ring.stats().conserved(), ring.stats().toString());
    }

    @Test
    void shouldRefuseFrameReadsOfAByteStream() {
        assertThrows(IllegalStateException.class, () -> reader.read(new long[1], 0, 1));
    }
}
