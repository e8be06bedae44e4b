package io.wakepath.ring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.BitSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every correct strategy under real concurrency, as far as 2 CPUs allow: no event lost, duplicated or reordered, and
 * the accounting conserved. Bounded in time. The broken strategy is left to the jcstress catalogue, which catches it
 * deterministically enough to assert; a probabilistic JUnit failure would only be flaky.
 */
class RingConcurrencyTest {
    private static final int EVENTS = 100_000;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static Stream<RingStrategy> correct(Predicate<RingStrategy> filter) {
        return RingStrategies.REGISTRY.all().stream().filter(RingStrategy::correct).filter(filter);
    }

    static Stream<RingStrategy> all() {
        return correct(s -> true);
    }

    static Stream<RingStrategy> multiProducer() {
        return correct(s -> s.topology().multiProducer());
    }

    static Stream<RingStrategy> multiConsumer() {
        return correct(s -> s.topology().multiConsumer());
    }

    static Stream<RingStrategy> byteStream() {
        return correct(s -> s.capabilities().byteStream());
    }

    static Stream<RingStrategy> broadcast() {
        return correct(s -> s.capabilities().broadcast());
    }

    static Stream<RingStrategy> dropOldest() {
        return correct(s -> s.capabilities().sharedPolicies().contains(OverflowPolicy.DROP_OLDEST));
    }

    /** Offers until accepted: the test producer retries, the ring itself never waits. */
    private static void offer(Ring ring, long event) {
        while (!ring.offer(event)) {
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest
    @MethodSource("all")
    void shouldTransferEveryEventInOrderFromOneProducerToOneReader(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(64));
        RingReader reader = ring.newReader();
        new Race()
                .thread("producer", () -> {
                    for (long e = 0; e < EVENTS; e++) {
                        offer(ring, e);
                    }
                })
                .thread("reader", () -> {
                    long[] buf = new long[16];
                    long expected = 0;
                    while (expected < EVENTS) {
                        int n = reader.read(buf, 0, buf.length);
                        for (int i = 0; i < n; i++) {
                            assertEquals(expected++, buf[i]);
                        }
                    }
                })
                .run(LIMIT);
        RingStats stats = ring.stats();
        assertEquals(EVENTS, stats.consumed());
        assertTrue(stats.conserved(), stats.toString());
    }

    @ParameterizedTest
    @MethodSource("all")
    void shouldHandEveryEventInOrderToAReadersHandler(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(64));
        RingReader reader = ring.newReader();
        long[] expected = {0};
        new Race()
                .thread("producer", () -> {
                    for (long e = 0; e < EVENTS; e++) {
                        offer(ring, e);
                    }
                })
                .thread("reader", () -> {
                    for (int max = 1; expected[0] < EVENTS; max = max % 16 + 1) {
                        int n = reader.read(e -> assertEquals(expected[0]++, e), max);
                        assertTrue(n >= 0 && n <= max, "read " + n + " of at most " + max);
                    }
                })
                .run(LIMIT);
        RingStats stats = ring.stats();
        assertEquals(EVENTS, stats.consumed());
        assertTrue(stats.conserved(), stats.toString());
    }

    @ParameterizedTest
    @MethodSource("multiProducer")
    void shouldKeepEachProducersOrderWithTwoProducers(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(64));
        RingReader reader = ring.newReader();
        Race race = new Race();
        for (long p = 0; p < 2; p++) {
            long id = p;
            race.thread("producer-" + p, () -> {
                for (long seq = 0; seq < EVENTS; seq++) {
                    offer(ring, id << 32 | seq);
                }
            });
        }
        race.thread("reader", () -> {
            long[] next = new long[2];
            long[] buf = new long[16];
            long total = 0;
            while (total < 2L * EVENTS) {
                int n = reader.read(buf, 0, buf.length);
                for (int i = 0; i < n; i++) {
                    int producer = (int) (buf[i] >>> 32);
                    assertEquals(next[producer]++, buf[i] & 0xFFFF_FFFFL, "producer " + producer + " out of order");
                    total++;
                }
            }
        }).run(LIMIT);
        assertTrue(ring.stats().conserved(), ring.stats().toString());
    }

    @ParameterizedTest
    @MethodSource("multiConsumer")
    void shouldGiveEachEventToExactlyOneOfTwoReaders(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(64));
        BitSet[] seen = {new BitSet(EVENTS), new BitSet(EVENTS)};
        java.util.concurrent.atomic.AtomicLong taken = new java.util.concurrent.atomic.AtomicLong();
        Race race = new Race().thread("producer", () -> {
            for (long e = 0; e < EVENTS; e++) {
                offer(ring, e);
            }
        });
        for (int r = 0; r < 2; r++) {
            RingReader reader = ring.newReader();
            BitSet mine = seen[r];
            race.thread("reader-" + r, () -> {
                long[] buf = new long[8];
                long last = -1;
                while (taken.get() < EVENTS) {
                    int n = reader.read(buf, 0, buf.length);
                    for (int i = 0; i < n; i++) {
                        assertTrue(buf[i] > last, "one reader's events are in order");
                        last = buf[i];
                        mine.set((int) buf[i]);
                    }
                    taken.addAndGet(n);
                }
            });
        }
        race.run(LIMIT);
        assertEquals(EVENTS, taken.get());
        assertTrue(!seen[0].intersects(seen[1]), "an event went to both readers");
        seen[0].or(seen[1]);
        assertEquals(EVENTS, seen[0].cardinality(), "an event went to no reader");
    }

    @ParameterizedTest
    @MethodSource("byteStream")
    void shouldStreamEveryByteInOrderThroughOddSizedReads(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(64).withFraming(Framing.BYTE_STREAM));
        RingReader reader = ring.newReader();
        new Race()
                .thread("producer", () -> {
                    for (long e = 0; e < EVENTS; e++) {
                        offer(ring, e * 0x0001_0001_0001L);
                    }
                })
                .thread("reader", () -> {
                    ByteBuffer pending = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
                    byte[] chunk = new byte[5];
                    long expected = 0;
                    while (expected < EVENTS) {
                        int n = reader.read(chunk, 0, chunk.length);
                        pending.put(chunk, 0, n).flip();
                        while (pending.remaining() >= Long.BYTES) {
                            assertEquals(expected++ * 0x0001_0001_0001L, pending.getLong());
                        }
                        pending.compact();
                    }
                })
                .run(LIMIT);
    }

    @ParameterizedTest
    @MethodSource("broadcast")
    void shouldLetEachBroadcastReaderAccountForEveryEvent(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(64).withPolicy(OverflowPolicy.DROP_OLDEST)
                .withReaders(ReaderMode.BROADCAST));
        Race race = new Race().thread("producer", () -> {
            for (long e = 0; e < EVENTS; e++) {
                ring.offer(e);
            }
        });
        for (int r = 0; r < 2; r++) {
            RingReader reader = ring.newReader();
            race.thread("reader-" + r, () -> {
                long[] buf = new long[16];
                long read = 0;
                long lost = 0;
                long last = -1;
                while (read + lost < EVENTS) {
                    int n = reader.read(buf, 0, buf.length);
                    if (n == Ring.EOVERFLOW) {
                        lost += reader.lastLoss();
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        assertEquals(read + lost, buf[i], "the next event, or a reported gap before it");
                        assertTrue(buf[i] > last);
                        last = buf[i];
                        read++;
                    }
                }
                assertEquals(EVENTS, read + lost);
            });
        }
        race.run(LIMIT);
    }

    @ParameterizedTest
    @MethodSource("dropOldest")
    void shouldCountEveryEvictionUnderConcurrency(RingStrategy strategy) throws Exception {
        Ring ring = strategy.create(RingConfig.of(8).withPolicy(OverflowPolicy.DROP_OLDEST));
        RingReader reader = ring.newReader();
        long[] read = new long[1];
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        new Race()
                .thread("producer", () -> {
                    for (long e = 0; e < EVENTS; e++) {
                        ring.offer(e);
                    }
                    done.set(true);
                })
                .thread("reader", () -> {
                    long[] buf = new long[4];
                    long last = -1;
                    while (!done.get() || reader.isReady()) {
                        int n = reader.read(buf, 0, buf.length);
                        for (int i = 0; i < n; i++) {
                            assertTrue(buf[i] > last, "evictions skip events, never reorder them");
                            last = buf[i];
                            read[0]++;
                        }
                    }
                })
                .run(LIMIT);
        RingStats stats = ring.stats();
        assertTrue(stats.conserved(), stats.toString());
        assertEquals(0, stats.size());
        assertEquals(EVENTS, read[0] + stats.droppedOldest() + stats.droppedNewest(), stats.toString());
    }
}
