package io.wakepath.junit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakepathCheckTest {
    @Test
    void shouldGiveTheCheckTheClassAndWhereItWasLoadedFrom() throws Exception {
        Path here = Path.of(WakepathCheckTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> args = WakepathCheck.target("queue", WakepathCheckTest.class).topology("spsc")
                .classpath(Path.of("lib/x.jar")).jvmArg("-Xmx1g").arguments(Path.of("/out"));
        assertEquals(List.of("--quick", "--target", "queue=" + WakepathCheckTest.class.getName(), "--topology", "spsc",
                "--classpath", here + java.io.File.pathSeparator + Path.of("lib/x.jar").toAbsolutePath(),
                "--jvm-arg=-Xmx1g", "--out", "/out"), args);
    }

    @Test
    void shouldGiveNoClassPathForAJdkClass() {
        List<String> args = WakepathCheck.target("blocking-queue", java.util.concurrent.ArrayBlockingQueue.class)
                .full().arguments(Path.of("/out"));
        assertEquals(List.of("--full", "--target", "blocking-queue=java.util.concurrent.ArrayBlockingQueue", "--out",
                "/out"), args);
        assertTrue(args.stream().noneMatch(a -> a.equals("--classpath")));
    }
}
