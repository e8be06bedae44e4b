package io.wakepath.ring;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueRingTest {
    private static RingCapabilities caps(Topology topology, int minCapacity, boolean bounded) {
        return new RingCapabilities(topology, EnumSet.of(OverflowPolicy.DROP_NEWEST), false, false, minCapacity,
                bounded);
    }

    @Test
    void shouldOfferPollAndAccountAsARing() {
        QueueRing ring = new QueueRing(RingConfig.of(2), caps(Topology.SPSC, 2, true), new ArrayBlockingQueue<>(2));
        RingReader reader = ring.newReader();
        long[] buf = new long[4];
        assertFalse(reader.isReady());
        assertEquals(0, reader.read(buf, 0, 4));
        assertTrue(ring.offer(7) && ring.offer(8));
        assertFalse(ring.offer(9), "a full queue refuses: a dropped event");
        assertTrue(reader.isReady());
        assertEquals(2, ring.size());
        assertEquals(2, reader.read(buf, 0, 4));
        assertEquals(7, buf[0]);
        assertEquals(8, buf[1]);
        RingStats stats = ring.stats();
        assertEquals(new RingStats(2, 1, 0, 2, 0), stats);
        assertTrue(stats.conserved());
    }

    @Test
    void shouldHandOutOneReaderForASingleConsumer() {
        QueueRing single = new QueueRing(RingConfig.of(4), caps(Topology.MPSC, 2, true), new ArrayBlockingQueue<>(4));
        single.newReader();
        assertThrows(IllegalStateException.class, single::newReader);
        QueueRing multi = new QueueRing(RingConfig.of(4), caps(Topology.MPMC, 2, true), new ArrayBlockingQueue<>(4));
        multi.newReader();
        multi.newReader();
    }

    @Test
    void shouldRefuseWhatTheQueueCannotBe() {
        RingCapabilities roundsUp = caps(Topology.SPSC, 4, true);
        assertThrows(IllegalArgumentException.class, () -> new QueueRing(RingConfig.of(2), roundsUp,
                new ConcurrentLinkedQueue<>()));
        assertThrows(IllegalArgumentException.class, () -> new QueueRing(RingConfig.of(4).withFraming(
                Framing.BYTE_STREAM), roundsUp, new ConcurrentLinkedQueue<>()));
        assertFalse(roundsUp.holdsExactly(2));
        assertTrue(roundsUp.holdsExactly(4));
        assertFalse(caps(Topology.MPMC, 2, false).holdsExactly(2), "an unbounded queue is never full");
    }

    @Test
    void shouldCarryTheEventInAnElementReadWhole() {
        assertEquals(42, QueueRing.Element.of(42).read());
        assertEquals(-1, QueueRing.Element.of(-1).read());
        assertEquals(QueueCalls.NONE, QueueCalls.poll(new ConcurrentLinkedQueue<>()));
    }
}
