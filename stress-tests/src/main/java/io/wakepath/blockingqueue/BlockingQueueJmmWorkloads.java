package io.wakepath.blockingqueue;

import io.wakepath.ring.QueueCalls;
import io.wakepath.ring.QueueRing;
import io.wakepath.stress.harness.Schedule;
import io.wakepath.stress.harness.Workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The race detector's workloads for a blocking queue, with as many producer and consumer threads as its topology
 * allows (up to two each). The elements carry plain fields written before the offer ({@link QueueRing.Element}), so
 * that a queue whose offer does not happen-before its take shows as a race on them, as well as on its own slots; the
 * calls go through {@link QueueCalls}, where the detector sees them.
 * First a fixed interleaving with the non-blocking calls (every offer followed by the poll that takes it, then the
 * queue filled past full and emptied, so that slots are reused); then the blocking calls run free ({@code put},
 * {@code take}, {@code poll(timeout)}), with as many takes as puts so that nothing waits for ever. A queue whose
 * {@code put} refuses to block ({@code UnsupportedOperationException}) gets offers retried instead.
 */
final class BlockingQueueJmmWorkloads {
    private static final int FREE_OPS = 200;

    private BlockingQueueJmmWorkloads() {
    }

    static Map<String, Runnable> of(BlockingQueueStrategy strategy) {
        Map<String, Runnable> workloads = new LinkedHashMap<>();
        workloads.put("offer-poll-put-take", () -> run(strategy));
        return workloads;
    }

    private static void run(BlockingQueueStrategy strategy) {
        BlockingQueue<Object> queue = strategy.create(4);
        int capacity = strategy.capacity().bounded() ? strategy.capacity().atLeast(4) : 4;
        int producers = strategy.topology().multiProducer() ? 2 : 1;
        int consumers = strategy.topology().multiConsumer() ? 2 : 1;
        Schedule schedule = new Schedule();
        long[] next = {1};
        for (int round = 0; round < 2 * capacity; round++) {
            int p = round % producers;
            int c = round % consumers;
            schedule.then(p, () -> QueueCalls.offer(queue, next[0]++));
            schedule.then(producers + c, () -> QueueCalls.poll(queue));
        }
        int[] full = new int[1];
        schedule.then(0, () -> {
            for (int i = 0; i <= capacity; i++) {
                if (QueueCalls.offer(queue, next[0]++)) {              // one more than fits: the full path
                    full[0]++;
                }
            }
        });
        schedule.then(producers, () -> {      // exactly what the full path left: the producers run free after it
            for (int i = 0; i < full[0]; i++) {
                QueueCalls.poll(queue);
            }
        });
        int perConsumer = FREE_OPS * producers / consumers;
        Workload w = new Workload(strategy.id());
        for (int p = 0; p < producers; p++) {
            int me = p;
            w.thread("producer-" + p, () -> {
                schedule.play(w, me);
                boolean puts = true;
                for (int i = 0; i < FREE_OPS; i++) {
                    try {
                        if (!puts) {
                            while (!QueueCalls.offer(queue, 10_000 + i)) {
                                Thread.onSpinWait();             // no edge: the offer that succeeds is the one seen
                            }
                        } else {
                            QueueCalls.put(queue, 10_000 + i);
                        }
                    } catch (UnsupportedOperationException blockingProducersUnsupported) {
                        puts = false;                           // JCTools' blocking-consumer queues: offer, retry
                        i--;
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            });
        }
        for (int c = 0; c < consumers; c++) {
            int me = c;
            w.thread("consumer-" + c, () -> {
                schedule.play(w, producers + me);
                try {
                    for (int i = 0; i < perConsumer; i++) {
                        if (i % 2 == 0) {
                            QueueCalls.take(queue);
                        } else {
                            while (QueueCalls.poll(queue, 100, TimeUnit.MILLISECONDS) == QueueCalls.NONE) {
                                Thread.onSpinWait();            // timed out: as many takes as puts, whatever the pace
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            });
        }
        w.run();
    }
}
