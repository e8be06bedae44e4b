package io.wakepath.core;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerTest {
    @Test
    void shouldListEveryPeerWithItsKindLibraryAndBuiltVersion() {
        assertEquals(18, Peer.ALL.size());
        for (Peer p : Peer.ALL) {
            assertTrue(Set.of("queue", "blocking-queue", "wait-strategy").contains(p.kind()), p.toString());
            assertFalse(p.version().contains("${"), "the version is filtered in at build time: " + p);
            assertTrue(p.artifact().isPresent() == !p.library().equals("JDK"), p.toString());
            p.jarName().ifPresent(jar -> assertTrue(jar.matches("[a-z-]+-\\d+\\.\\d+\\.\\d+\\.jar"), jar));
        }
        assertEquals(8, Peer.ALL.stream().filter(p -> p.kind().equals("wait-strategy")).count(),
                "every wait strategy of Disruptor 4");
        Peer spsc = Peer.ALL.stream().filter(p -> p.simpleName().equals("SpscArrayQueue")).findFirst().orElseThrow();
        assertEquals("spsc", spsc.topology().orElseThrow());
        assertEquals("jctools-core-" + spsc.version() + ".jar", spsc.jarName().orElseThrow());
    }
}
