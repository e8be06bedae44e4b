package io.wakepath.ring;

import io.wakepath.stress.harness.Schedule;
import io.wakepath.stress.harness.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The race detector's workloads for a ring: one per shape it supports (every overflow policy, framing and reader
 * mode), with as many producer and consumer threads as its topology allows (up to two each). First a fixed
 * interleaving: the producer fills the ring past full (the overflow path), then consumers and producers take turns one
 * event at a time, so that every slot is written again right after it was freed (wrap-around, full and empty, every
 * read followed by the write that reuses its slot); then, from empty, one event offered and read at a time (every
 * write followed by the read of the same slot); readiness and size are asked on the way. Then all threads run free for
 * a while. Two events in three are wide ({@link RingEvents#mixed}). A race needs only both accesses to run, so the
 * fixed part finds what the ring's ordering leaves out whatever the CPU does; the free part adds the interleavings no
 * schedule thought of.
 */
public final class RingJmmWorkloads {
    static final int CAPACITY = 4;
    private static final int FREE_OPS = 200;

    private RingJmmWorkloads() {
    }

    public static Map<String, Runnable> of(RingStrategy strategy) {
        Map<String, Runnable> workloads = new LinkedHashMap<>();
        for (RingConfig config : RingConfig.allShapes(CAPACITY)) {
            if (strategy.capabilities().supports(config)) {
                workloads.put(config.policy() + "/" + config.framing() + "/" + config.readers(),
                        () -> run(strategy, config));
            }
        }
        return workloads;
    }

    private static void run(RingStrategy strategy, RingConfig config) {
        Ring ring = create(strategy, config);
        Topology topology = strategy.topology();
        boolean broadcast = config.readers() == ReaderMode.BROADCAST;
        boolean bytes = config.framing() == Framing.BYTE_STREAM;
        int producers = topology.multiProducer() ? 2 : 1;
        int consumers = broadcast || topology.multiConsumer() ? 2 : 1;
        List<RingReader> readers = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            readers.add(ring.newReader());                       // one per reading thread, as the contract says
        }
        int capacity = ring.config().capacity();
        Schedule schedule = new Schedule();
        long[] next = {1};
        schedule.then(0, () -> {
            for (int i = 0; i <= capacity; i++) {
                ring.offer(RingEvents.mixed(next[0]++));     // one more than fits: the overflow path
            }
        });
        for (int round = 0; round < 3 * capacity; round++) {
            int c = round % consumers;
            int p = round % producers;
            schedule.then(producers + c, () -> {
                RingReader r = readers.get(c);
                read(r, bytes, 1 + c);
                r.isReady();
                ring.size();
            });
            schedule.then(p, () -> ring.offer(RingEvents.mixed(next[0]++)));
        }
        for (int c = 0; c < consumers; c++) {
            int me = c;
            schedule.then(producers + c, () -> {                   // empty the ring
                while (read(readers.get(me), bytes, 8) > 0) {
                    ring.size();
                }
            });
        }
        for (int round = 0; round < 2 * capacity; round++) {
            int c = round % consumers;
            int p = round % producers;
            schedule.then(p, () -> ring.offer(RingEvents.mixed(next[0]++)));
            schedule.then(producers + c, () -> read(readers.get(c), bytes, 8));
        }
        Workload w = new Workload(strategy.id());
        for (int p = 0; p < producers; p++) {
            int me = p;
            w.thread("producer-" + p, () -> {
                schedule.play(w, me);
                for (int i = 0; i < FREE_OPS; i++) {
                    ring.offer(RingEvents.mixed(1000 + i));
                }
            });
        }
        for (int c = 0; c < consumers; c++) {
            int me = c;
            w.thread("consumer-" + c, () -> {
                schedule.play(w, producers + me);
                RingReader r = readers.get(me);
                for (int i = 0; i < FREE_OPS; i++) {
                    read(r, bytes, 1 + i % 5);
                    if (i % 8 == 0) {
                        r.isReady();
                        ring.stats();
                    }
                }
            });
        }
        w.run();
        for (RingReader r : readers) {                           // the main thread drains, after the joins
            while (read(r, bytes, 8) > 0) {
                r.isReady();
            }
        }
    }

    /** Frames take turns between the two reads: copied into an array, and handed to a handler. */
    private static int read(RingReader reader, boolean bytes, int amount) {
        if (bytes) {
            return reader.read(new byte[8], 0, Math.min(8, amount + 2));
        }
        return amount % 2 == 0 ? reader.read(event -> { }, amount) : reader.read(new long[8], 0, amount);
    }

    /** The ring at the workloads' capacity, or the smallest larger one it accepts. */
    private static Ring create(RingStrategy strategy, RingConfig config) {
        IllegalArgumentException refused = null;
        for (int capacity = CAPACITY; capacity <= 64; capacity *= 4) {
            try {
                return strategy.create(new RingConfig(capacity, config.policy(), config.framing(), config.readers()));
            } catch (IllegalArgumentException e) {
                refused = e;
            }
        }
        throw refused;
    }
}
