package io.wakepath.stress.harness;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.UsageException;
import io.wakepath.ring.MpmcSequenceRing;
import io.wakepath.stress.layers.Bindings;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategy;
import io.wakepath.ring.Topology;
import io.wakepath.waitqueue.KernelStyleWaitQueue;
import io.wakepath.waitqueue.WaitQueueStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    private static String refusal(String spec, String classpath) {
        return assertThrows(UsageException.class, () -> Target.parse(spec, classpath, Bindings::byId)).getMessage();
    }

    @Test
    void shouldWrapAUsersRingWithItsDeclaredCapabilities() {
        Target t = Target.parse("ring=" + MpmcSequenceRing.class.getName(), null, Bindings::byId);
        Strategy s = t.strategy();
        RingStrategy ring = assertInstanceOf(RingStrategy.class, s);
        assertEquals(Topology.MPMC, ring.topology());
        assertTrue(s.info().correct(), "a user's class is expected correct: anything caught is a race");
        assertEquals(MpmcSequenceRing.class.getName(), s.info().id());
        assertInstanceOf(MpmcSequenceRing.class, ring.create(RingConfig.of(16)));
        assertEquals("class:" + MpmcSequenceRing.class.getName(), t.property());
    }

    @Test
    void shouldWrapAUsersWaitQueue() {
        Strategy s = Target.parse("waitqueue=" + KernelStyleWaitQueue.class.getName(), null, Bindings::byId).strategy();
        assertInstanceOf(KernelStyleWaitQueue.class, assertInstanceOf(WaitQueueStrategy.class, s).create());
        assertEquals(Layer.WAIT_QUEUE, s.info().layer());
    }

    @Test
    void shouldRefuseWhatCannotBeCheckedWithOneLine() {
        assertTrue(refusal("ring", null).startsWith("--target needs LAYER=CLASS"));
        assertTrue(refusal("frob=a.B", null).startsWith("unknown layer 'frob'"));
        assertTrue(refusal("driver=a.B", null).contains("ring, waitqueue or poll"));
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
