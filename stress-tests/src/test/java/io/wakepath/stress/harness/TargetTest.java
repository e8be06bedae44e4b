package io.wakepath.stress.harness;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.UsageException;
import io.wakepath.ring.MpmcSequenceRing;
import io.wakepath.stress.layers.Bindings;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingBinding;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategy;
import io.wakepath.ring.Topology;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
import io.wakepath.waitqueue.WaitQueueStrategy;
import io.wakepath.waitqueue.WaitStrategyQueue;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    private static String refusal(String spec, String classpath) {
        return refusal(spec, classpath, Map.of());
    }

    private static String refusal(String spec, String classpath, Map<String, String> options) {
        return assertThrows(UsageException.class, () -> Target.parse(spec, classpath, options, Bindings::kind))
                .getMessage();
    }

    private static Target parse(String spec, Map<String, String> options) {
        return Target.parse(spec, null, options, Bindings::kind);
    }

    @Test
    void shouldWrapAUsersRingWithItsDeclaredCapabilities() {
        Target t = parse("ring=" + MpmcSequenceRing.class.getName(), Map.of());
        Strategy s = t.strategy();
        RingStrategy ring = assertInstanceOf(RingStrategy.class, s);
        assertEquals(Topology.MPMC, ring.topology());
        assertTrue(s.info().correct(), "a user's class is expected correct: anything caught is a race");
        assertEquals(MpmcSequenceRing.class.getName(), s.info().id());
        assertInstanceOf(MpmcSequenceRing.class, ring.create(RingConfig.of(16)));
        assertEquals("class:ring:" + MpmcSequenceRing.class.getName(), t.property());
        assertEquals(s.info().id(), Target.resolve(RingBinding.INSTANCE, t.property()).info().id());
    }

    @Test
    void shouldWrapAUsersWaitQueue() {
        Strategy s = parse("waitqueue=" + KernelStyleWaitQueue.class.getName(), Map.of()).strategy();
        assertInstanceOf(KernelStyleWaitQueue.class, assertInstanceOf(WaitQueueStrategy.class, s).create());
        assertEquals(Layer.WAIT_QUEUE, s.info().layer());
    }

    @Test
    void shouldRefuseWhatCannotBeCheckedWithOneLine() {
        assertTrue(refusal("ring", null).startsWith("--target needs KIND=CLASS"));
        assertTrue(refusal("frob=a.B", null).startsWith("unknown --target kind 'frob' (known: ring, queue,"));
        assertTrue(refusal("driver=" + String.class.getName(), null)
                .endsWith("does not extend io.wakepath.irq.driver.CharDriver"));
        assertEquals("--topology does not apply to --target ring=", refusal("ring=a.B", null,
                Map.of("topology", "spsc")));
        assertTrue(refusal("queue=" + ArrayBlockingQueue.class.getName(), null, Map.of("topology", "frob"))
                .startsWith("unknown topology 'frob'"));
        assertTrue(refusal("queue=" + String.class.getName(), null).endsWith("does not implement java.util.Queue"));
        assertTrue(refusal("queue=" + NoConstructorQueue.class.getName(), null).endsWith(
                "needs a public constructor NoConstructorQueue(int) or NoConstructorQueue()"));
        assertTrue(refusal("wait-strategy=" + String.class.getName(), null)
                .endsWith("does not implement com.lmax.disruptor.WaitStrategy"));
        assertTrue(refusal("ring=a.B", "/no/such.jar").startsWith("--classpath entry not found"));
        assertTrue(refusal("ring=com.example.Missing", null).startsWith("class com.example.Missing not found"));
        assertTrue(refusal("ring=" + KernelStyleWaitQueue.class.getName(), null)
                .endsWith("does not implement io.wakepath.ring.Ring"));
        assertTrue(refusal("poll=" + String.class.getName(), null).contains("does not implement io.wakepath.poll.Poll"));
        assertTrue(refusal("ring=" + NoCapabilitiesRing.class.getName(), null).contains("CAPABILITIES"));
        for (String message : new String[] {refusal("ring", null), refusal("ring=com.example.Missing", null)}) {
            assertTrue(!message.contains("\n"), "one line: " + message);
        }
    }

    @Test
    void shouldCheckAnyQueueAsARingAtTheCapacitiesItKeeps() {
        Target t = parse("queue=" + ArrayBlockingQueue.class.getName(), Map.of("topology", "spsc"));
        RingStrategy exact = assertInstanceOf(RingStrategy.class, t.strategy());
        assertEquals(Topology.SPSC, exact.topology());
        assertEquals(2, exact.capabilities().minCapacity());
        assertTrue(exact.capabilities().holdsExactly(2));
        assertEquals("class:queue:" + ArrayBlockingQueue.class.getName() + ";topology=spsc", t.property());
        assertEquals(Topology.SPSC, ((RingStrategy) Target.resolve(RingBinding.INSTANCE, t.property())).topology());

        RingStrategy rounding = (RingStrategy) parse("queue=" + RoundsUpQueue.class.getName(), Map.of()).strategy();
        assertEquals(Topology.MPMC, rounding.topology(), "mpmc unless told");
        assertEquals(4, rounding.capabilities().minCapacity());
        assertFalse(rounding.capabilities().supports(RingConfig.of(2)));

        RingStrategy unbounded = (RingStrategy) parse("queue=" + ConcurrentLinkedQueue.class.getName(), Map.of())
                .strategy();
        assertFalse(unbounded.capabilities().bounded());
        assertFalse(unbounded.capabilities().holdsExactly(2));
        Ring ring = unbounded.create(RingConfig.of(2));
        assertTrue(ring.offer(1) && ring.offer(2) && ring.offer(3), "an unbounded queue never refuses");
    }

    @Test
    void shouldCheckADisruptorWaitStrategyAsAWaitQueueAndMeasureWhetherItSpins() {
        WaitQueueStrategy blocking = (WaitQueueStrategy) parse("wait-strategy=" + BlockingWaitStrategy.class.getName(),
                Map.of()).strategy();
        assertTrue(blocking.sleeps());
        assertInstanceOf(WaitStrategyQueue.class, blocking.create());
        WaitQueueStrategy spinning = (WaitQueueStrategy) parse("wait-strategy=" + BusySpinWaitStrategy.class.getName(),
                Map.of()).strategy();
        assertFalse(spinning.sleeps(), "a busy-spin waiter burns its CPU");
        WaitQueueStrategy phased = (WaitQueueStrategy) parse("wait-strategy="
                + PhasedBackoffWaitStrategy.class.getName(), Map.of()).strategy();
        assertTrue(phased.sleeps(), "spins 10 us, yields 100 us, then blocks");
    }

    /** A bounded queue that rounds capacities up to 4 at least, as JCTools does. */
    public static final class RoundsUpQueue extends ArrayBlockingQueue<Object> {
        public RoundsUpQueue(int capacity) {
            super(Math.max(4, capacity));
        }
    }

    /** A queue with no constructor the kind can call. */
    public static final class NoConstructorQueue extends ConcurrentLinkedQueue<Object> {
        public NoConstructorQueue(String name) {
        }
    }

    /** A ring that forgot to say what it supports. */
    public static final class NoCapabilitiesRing implements io.wakepath.ring.Ring {
        public NoCapabilitiesRing(RingConfig config) {
        }

        @Override
        public RingConfig config() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean offer(long event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.wakepath.ring.RingReader newReader() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public io.wakepath.ring.RingStats stats() {
            throw new UnsupportedOperationException();
        }
    }
}
