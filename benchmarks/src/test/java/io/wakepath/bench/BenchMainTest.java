package io.wakepath.bench;

import io.wakepath.ring.Topology;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void shouldGiveTheAsyncProfilerItsLibraryAndTheForksNativeAccess() {
        List<String> args = BenchMain.withDefaults(new String[] {"-prof", "async:output=text;threads=true"});
        String profiler = args.get(args.indexOf("-prof") + 1);
        String libPath = profiler.replaceFirst("^async:libPath=([^;]+);output=text;threads=true$", "$1");
        assertTrue(!libPath.equals(profiler) && Files.isRegularFile(Path.of(libPath)), profiler);
        assertTrue(args.get(args.indexOf("-jvmArgsAppend") + 1).contains("--enable-native-access=ALL-UNNAMED"),
                args.toString());
        assertTrue(BenchMain.withAsyncProfilerPath("async").startsWith("async:libPath="));
    }

    @Test
    void shouldLeaveOtherProfilersAndAGivenLibraryAlone() {
        assertEquals("gc", BenchMain.withAsyncProfilerPath("gc"));
        assertEquals("async:libPath=/opt/ap.so;output=text",
                BenchMain.withAsyncProfilerPath("async:libPath=/opt/ap.so;output=text"));
        List<String> args = BenchMain.withDefaults(new String[] {"-prof", "gc"});
        assertTrue(!args.get(args.indexOf("-jvmArgsAppend") + 1).contains("native-access"), args.toString());
    }

    @Test
    void shouldRefuseAnEventThatIsNotALongBeforeAnyFork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchMain.withDefaults(
                new String[] {"-jvmArgsAppend", "-Xmx1g -D" + BenchQueue.EVENT_PROPERTY + "=1e12"}));
        assertEquals("-D" + BenchQueue.EVENT_PROPERTY + "=1e12: not a long", e.getMessage());
        List<String> args = BenchMain.withDefaults(
                new String[] {"-jvmArgs", "-D" + BenchQueue.EVENT_PROPERTY + "=1099511627776"});
        assertTrue(args.contains("-D" + BenchQueue.EVENT_PROPERTY + "=1099511627776"), args.toString());
        assertEquals(1L, BenchQueue.event(null));
        assertEquals(-5L, BenchQueue.event(" -5"));
    }
}
