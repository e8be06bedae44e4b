package io.wakepath.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingConfigTest {

    @ParameterizedTest
    @ValueSource(ints = {-4, 0, 1, 3, 6, 100, (1 << 30) + 1, Integer.MAX_VALUE})
    void shouldRejectACapacityThatIsNotAPowerOfTwoOfAtLeastTwo(int capacity) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RingConfig.of(capacity));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        assertTrue(e.getMessage().contains(Integer.toString(capacity)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 1024, 1 << 30})
    void shouldAcceptPowersOfTwo(int capacity) {
        assertEquals(capacity, RingConfig.of(capacity).capacity());
    }

    @Test
    void shouldRequireDropOldestFramesForBroadcastReaders() {
        RingConfig broadcast = RingConfig.of(8).withPolicy(OverflowPolicy.DROP_OLDEST);
        broadcast.withReaders(ReaderMode.BROADCAST);
        assertThrows(IllegalArgumentException.class, () -> RingConfig.of(8).withReaders(ReaderMode.BROADCAST));
        assertThrows(IllegalArgumentException.class,
                () -> new RingConfig(8, OverflowPolicy.DROP_OLDEST, Framing.BYTE_STREAM, ReaderMode.BROADCAST));
    }

    @Test
    void shouldRejectDropOldestOnAByteStream() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RingConfig.of(8).withFraming(Framing.BYTE_STREAM).withPolicy(OverflowPolicy.DROP_OLDEST));
        assertTrue(e.getMessage().contains("partly read"), e.getMessage());
    }

    @Test
    void shouldListTheSixShapesTheRulesAllow() {
        // frames x 3 policies, byte stream x 2 policies, broadcast frames x DROP_OLDEST
        assertEquals(6, RingConfig.allShapes(8).size());
    }
}
