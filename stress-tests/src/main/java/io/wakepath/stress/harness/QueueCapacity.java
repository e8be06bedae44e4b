package io.wakepath.stress.harness;

import io.wakepath.core.UsageException;
import io.wakepath.ring.QueueRing;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Queue;
import java.util.function.IntFunction;

/**
 * What a user's queue holds, found by one thread before anything runs: the smallest capacity it keeps exactly
 * (JCTools rounds small ones up, to 4 for {@code SpscArrayQueue}), or that it never fills (an unbounded queue, such as
 * {@code ConcurrentLinkedQueue}: the tests of a full queue do not apply to it). A queue made with {@code ()} that fills
 * at some size keeps that size whatever is asked.
 *
 * @param minCapacity the smallest capacity it keeps exactly (2 for an unbounded one)
 * @param bounded     whether it fills at all
 */
public record QueueCapacity(int minCapacity, boolean bounded) {
    /** The largest capacity tried when looking for one the queue keeps exactly, and the fill that proves unbounded. */
    private static final int LARGEST_PROBE = 1 << 10;
    private static final int UNBOUNDED_PROBE = 1 << 16;

    /**
     * Offers into new queues of growing capacities. @throws UsageException for a queue that keeps no capacity exactly
     * and is not unbounded
     */
    public static QueueCapacity probe(Class<?> type, IntFunction<? extends Queue<Object>> make) {
        for (int capacity = 2; capacity <= LARGEST_PROBE; capacity <<= 1) {
            Queue<Object> queue;
            try {
                queue = make.apply(capacity);
            } catch (IllegalArgumentException tooSmall) {
                continue;
            }
            int accepted = fill(type, queue, capacity + 1);
            if (accepted == capacity) {
                return new QueueCapacity(capacity, true);
            }
            if (accepted < capacity) {
                throw new UsageException(type.getName() + " made for " + capacity + " elements accepted only "
                        + accepted + " from one thread: it cannot be checked as a bounded queue");
            }
        }
        if (fill(type, make.apply(LARGEST_PROBE), UNBOUNDED_PROBE) == UNBOUNDED_PROBE) {
            return new QueueCapacity(2, false);
        }
        throw new UsageException(type.getName() + " keeps no capacity exactly between 2 and " + LARGEST_PROBE
                + " and is not unbounded: give it a constructor (int capacity) that it honours");
    }

    /**
     * How to make the queue {@code type} for a capacity: its public constructor {@code (int capacity)}, else {@code ()}.
     *
     * @throws UsageException when it does not implement {@code contract} or has neither constructor
     */
    @SuppressWarnings("unchecked")
    public static <Q extends Queue<?>> IntFunction<Q> maker(Class<?> type, Class<?> contract) {
        Constructor<?> c = Target.firstConstructor(type, contract, List.of(new Class<?>[] {int.class},
                new Class<?>[0]));
        return c.getParameterCount() == 1 ? capacity -> (Q) Target.instantiate(c, capacity)
                : capacity -> (Q) Target.instantiate(c);
    }

    /** The capacity to make it with for {@code wanted}: what it keeps exactly, at least. */
    public int atLeast(int wanted) {
        return Math.max(wanted, minCapacity);
    }

    private static int fill(Class<?> type, Queue<Object> queue, int attempts) {
        int accepted = 0;
        try {
            for (int i = 0; i < attempts; i++) {
                if (queue.offer(QueueRing.Element.of(i))) {
                    accepted++;
                }
            }
        } catch (RuntimeException e) {             // a queue of particular elements (Delayed, Comparable...)
            throw new UsageException(type.getName() + " refused the plain objects wakepath offers (its offer "
                    + "failed from one thread): a queue of particular elements, such as Delayed or Comparable ones, "
                    + "cannot be checked");
        }
        return accepted;
    }
}
