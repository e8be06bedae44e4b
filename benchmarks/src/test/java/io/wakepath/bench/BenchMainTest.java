package io.wakepath.bench;

import io.wakepath.ring.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchMainTest {

    @Test
    void shouldFillEveryContenderListFromTheRegistries() {
        List<String> args = BenchMain.withDefaults(new String[] {"SpscRingThroughput"});
        for (Topology t : BenchQueues.TOPOLOGIES) {
            String list = BenchMain.paramName(t) + "=" + String.join(",", BenchQueues.ids(t));
            assertEquals("-p", args.get(args.indexOf(list) - 1), args.toString());
        }
    }

    @Test
    void shouldKeepAContenderListTheUserGave() {
        List<String> args = BenchMain.withDefaults(new String[] {"-p", "spsc=spsc-stamped"});
        assertEquals(1, args.stream().filter(a -> a.startsWith("spsc=")).count(), args.toString());
    }

    @Test
    void shouldKeepTheForksOwnJvmArgumentsWhenTheUserGivesSome() {
        List<String> args = BenchMain.withDefaults(new String[] {"-jvmArgsAppend", "-Xmx2g"});
        String merged = args.get(args.indexOf("-jvmArgsAppend") + 1);
        assertTrue(merged.startsWith("-Xmx2g ") && merged.contains("jdk.internal.misc"), merged);
    }
}
