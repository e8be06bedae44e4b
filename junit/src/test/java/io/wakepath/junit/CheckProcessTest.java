package io.wakepath.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckProcessTest {
    @Test
    void shouldNameWhatToSetWhenNoCheckoutIsGiven() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CheckProcess.jar(Optional.empty(), Optional.of(" ")));
        assertTrue(e.getMessage().contains("set the system property wakepath.home (or the environment variable "
                + "WAKEPATH_HOME)"), e.getMessage());
    }

    @Test
    void shouldSayACheckoutIsNotBuilt(@TempDir Path home) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CheckProcess.jar(Optional.of(home.toString()), Optional.empty()));
        assertTrue(e.getMessage().contains("stress-tests/target/jcstress.jar"), e.getMessage());
        assertTrue(e.getMessage().contains("./mvnw package"), e.getMessage());
    }

    @Test
    void shouldPreferThePropertyToTheVariable(@TempDir Path home) throws IOException {
        Path jar = home.resolve(CheckProcess.JAR);
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
        assertEquals(jar, CheckProcess.jar(Optional.of(home.toString()), Optional.of("/nowhere")));
        assertEquals(jar, CheckProcess.jar(Optional.empty(), Optional.of(home.toString())));
    }

    @Test
    void shouldRefuseAJavaOlderThan21() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckProcess.java(17, Path.of("/jdk")));
        assertTrue(e.getMessage().contains("needs Java 21 or later, and this test runs on Java 17"), e.getMessage());
    }

    @Test
    void shouldStartTheCheckAsTheLauncherDoes() {
        List<String> on21 = CheckProcess.java(21, Path.of("/jdk"));
        assertEquals(Path.of("/jdk", "bin", "java").toString(), on21.get(0));
        assertTrue(on21.contains("java.base/jdk.internal.misc=ALL-UNNAMED"));
        assertFalse(on21.contains("--sun-misc-unsafe-memory-access=allow"), "no such option before JDK 24");
        assertTrue(CheckProcess.java(25, Path.of("/jdk")).contains("--sun-misc-unsafe-memory-access=allow"));
    }
}
