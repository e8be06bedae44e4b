package io.wakepath.bench;

import io.wakepath.core.UsageException;
import io.wakepath.ring.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchQueuesTest {
    private static final int CAPACITY = 64;

    static Stream<Arguments> contenders() {
        return BenchQueues.TOPOLOGIES.stream()
                .flatMap(t -> BenchQueues.ids(t).stream().map(id -> Arguments.of(t, id)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("contenders")
    void shouldFillToCapacityThenRefuseThenDrainEveryEvent(Topology topology, String id) {
        BenchQueue queue = BenchQueues.create(id, topology, CAPACITY);
        BenchQueue.Consumer consumer = queue.newConsumer();
        assertFalse(consumer.poll(), "empty at first");
        for (int i = 0; i < CAPACITY; i++) {
            assertTrue(queue.offer(), "offer " + i + " of " + CAPACITY);
        }
        assertFalse(queue.offer(), "full at capacity: refused, never waited on");
        for (int i = 0; i < CAPACITY; i++) {
            assertTrue(consumer.poll(), "poll " + i);
        }
        assertFalse(consumer.poll(), "every event was taken once");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("contenders")
    void shouldDrainInBatchesOfAtMost64AndTakeEveryEventOnce(Topology topology, String id) {
        int capacity = 4 * BenchQueue.BATCH;
        BenchQueue queue = BenchQueues.create(id, topology, capacity);
        BenchQueue.Consumer consumer = queue.newConsumer();
        assertEquals(0, consumer.drain(), "empty at first");
        for (int i = 0; i < capacity - 3; i++) {
            assertTrue(queue.offer(), "offer " + i);
        }
        int taken = 0;
        for (int n; (n = consumer.drain()) > 0; taken += n) {
            assertTrue(n <= BenchQueue.BATCH, "a batch of " + n);
        }
        assertEquals(capacity - 3, taken, "every event taken once");
        assertTrue(queue.offer(), "room again");
        assertTrue(consumer.poll(), "the single-event shape on the same consumer");
    }

    @Test
    void shouldRunEveryPeerInTheTopologiesItIsBuiltFor() {
        assertTrue(BenchQueues.ids(Topology.SPSC).containsAll(
                java.util.List.of("spsc-release-acquire", "jctools-spsc-array-queue", "agrona-one-to-one",
                        "disruptor-single-producer", "array-blocking-queue")));
        assertTrue(BenchQueues.ids(Topology.MPMC).containsAll(
                java.util.List.of("mpmc-sequence", "jctools-mpmc-array-queue", "agrona-many-to-many")));
        assertFalse(BenchQueues.ids(Topology.MPMC).contains("spsc-release-acquire"), "an SPSC ring is no MPMC one");
        assertFalse(BenchQueues.ids(Topology.MPMC).contains("disruptor-multi-producer"), "single consumer only");
    }

    @Test
    void shouldRefuseAContenderOfAnotherTopologyClearly() {
        UsageException e = assertThrows(UsageException.class,
                () -> BenchQueues.create("spsc-release-acquire", Topology.MPMC, CAPACITY));
        assertTrue(e.getMessage().contains("not a MPMC contender"), e.getMessage());
    }
}
