package io.wakepath.latency;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingReader;
import io.wakepath.ring.SpscReleaseAcquireRing;
import io.wakepath.waitqueue.WaitQueue;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The channels of the latency harness. Floors: the cheapest a hand-off can be, busy-spin (no sleep at all) and raw
 * park/unpark (one sleep, one wake, nothing else). Peers: {@link ArrayBlockingQueue} and the LMAX Disruptor with its
 * {@code BlockingWaitStrategy}. Ours: a kfifo-style ring with a wait queue of any strategy, as a driver's read path.
 */
final class Channels {
    private static final int CAPACITY = 1 << 14;

    private Channels() {
    }

    /** A ring the producer fills and the consumer drains; every channel but ABQ and the Disruptor carries values so. */
    private abstract static class RingChannel implements Channel {
        final Ring ring = new SpscReleaseAcquireRing(RingConfig.of(CAPACITY));     // one producer, one consumer
        final RingReader reader = ring.newReader();
        final long[] one = new long[1];
        volatile boolean closed;

        boolean poll() {
            return reader.read(one, 0, 1) == 1;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Floor: the consumer never sleeps, it spins on the ring. */
    static Channel busySpin() {
        return new RingChannel() {
            @Override
            public void send(long value) {
                ring.offer(value);
            }

            @Override
            public long take() {
                while (!poll()) {
                    if (closed) {
                        return CLOSED;
                    }
                    Thread.onSpinWait();
                }
                return one[0];
            }
        };
    }

    /** Floor: the consumer parks when the ring is empty; the producer unparks it after every send. */
    static Channel parkUnpark() {
        return new RingChannel() {
            volatile Thread consumer;

            @Override
            public void send(long value) {
                ring.offer(value);
                Thread c = consumer;
                if (c != null) {
                    LockSupport.unpark(c);              // a permit if it is not parked yet: no lost wake
                }
            }

            @Override
            public long take() {
                consumer = Thread.currentThread();
                while (!poll()) {
                    if (closed) {
                        return CLOSED;
                    }
                    LockSupport.park(this);
                }
                return one[0];
            }

            @Override
            public void close() {
                super.close();
                Thread c = consumer;
                if (c != null) {
                    LockSupport.unpark(c);
                }
            }
        };
    }

    /** Ours: the ring, and a wait queue the consumer sleeps on until the ring is readable (a driver's read). */
    static Channel waitQueue(WaitQueueStrategy strategy) {
        WaitQueue queue = strategy.create();
        return new RingChannel() {
            @Override
            public void send(long value) {
                ring.offer(value);
                queue.wakeUp();                         // state first, then the wake
            }

            @Override
            public long take() {
                while (!poll()) {
                    if (closed) {
                        return CLOSED;
                    }
                    queue.waitEvent(() -> reader.isReady() || closed);
                }
                return one[0];
            }

            @Override
            public void close() {
                super.close();
                queue.wakeUpAll();
            }
        };
    }

    /** Peer: {@code java.util.concurrent.ArrayBlockingQueue}, offer and take. */
    static Channel arrayBlockingQueue() {
        ArrayBlockingQueue<Long> queue = new ArrayBlockingQueue<>(CAPACITY);
        return new Channel() {
            private volatile Thread consumer;

            @Override
            public void send(long value) {
                queue.offer(value);
            }

            @Override
            public long take() {
                consumer = Thread.currentThread();
                try {
                    return queue.take();
                } catch (InterruptedException closing) {
                    Long left = queue.poll();
                    return left != null ? left : CLOSED;
                }
            }

            @Override
            public void close() {
                Thread c = consumer;
                if (c != null) {
                    c.interrupt();
                }
            }
        };
    }

    /** Peer: the LMAX Disruptor, single producer, {@code BlockingWaitStrategy} (a lock and a condition). */
    static Channel disruptorBlocking() {
        RingBuffer<long[]> ring = RingBuffer.createSingleProducer(() -> new long[1], CAPACITY, new BlockingWaitStrategy());
        SequenceBarrier barrier = ring.newBarrier();
        Sequence consumed = new Sequence();
        ring.addGatingSequences(consumed);
        return new Channel() {
            private long available = -1;

            @Override
            public void send(long value) {
                long seq = ring.next();
                ring.get(seq)[0] = value;
                ring.publish(seq);
            }

            @Override
            public long take() {
                long next = consumed.get() + 1;
                try {
                    if (available < next) {
                        available = barrier.waitFor(next);
                    }
                } catch (AlertException closing) {
                    return CLOSED;
                } catch (TimeoutException | InterruptedException e) {
                    return CLOSED;
                }
                long value = ring.get(next)[0];
                consumed.set(next);
                return value;
            }

            @Override
            public void close() {
                barrier.alert();
            }
        };
    }
}
