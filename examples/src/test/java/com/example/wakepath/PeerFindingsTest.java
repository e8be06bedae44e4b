package com.example.wakepath;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What {@code check --peers} found in a peer, reproduced by hand, deterministically: the state the finding needs is
 * built directly rather than waited for.
 */
class PeerFindingsTest {

    /**
     * Agrona's {@code ManyToOneConcurrentArrayQueue} (2.6.0): {@code isEmpty()} is false while the consumer's
     * {@code poll()} returns null. An {@code offer} claims its slot by moving the tail (a CAS), then stores the
     * element (a release store); between the two, the queue counts an element the consumer cannot take. The litmus
     * test {@code RingReadinessStress} saw it as "ready, then the read found nothing" (outcome 1, 0, 1, 1 in 5,821 of
     * 2,127,891 samples). Here the offer is stopped at that point by doing its first half by hand.
     */
    @Test
    void agronaManyToOneSaysNotEmptyWhileItsPollFindsNothing() throws ReflectiveOperationException {
        ManyToOneConcurrentArrayQueue<Object> queue = new ManyToOneConcurrentArrayQueue<>(4);
        Field tail = field(queue.getClass(), "tail");
        long claimed = tail.getLong(queue);
        tail.setLong(queue, claimed + 1);                 // the offer's CAS on the tail: the slot is claimed

        assertFalse(queue.isEmpty(), "the queue counts the claimed slot");
        assertEquals(1, queue.size());
        assertNull(queue.poll(), "the one consumer finds nothing: its readiness was ahead of its data");

        Object[] buffer = (Object[]) field(queue.getClass(), "buffer").get(queue);
        Object element = new Object();
        buffer[(int) (claimed & (buffer.length - 1))] = element;   // the offer's second half: the element stored
        assertEquals(element, queue.poll());
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // the next superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
