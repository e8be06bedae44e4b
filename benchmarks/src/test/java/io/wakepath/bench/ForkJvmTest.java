package io.wakepath.bench;

import io.wakepath.core.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkJvmTest {
    @Test
    void shouldPassArgumentsTheJvmStartsWith() {
        List<String> args = List.of("-XX:-UseCompressedOops", "-Xmx256m");
        assertEquals(args, ForkJvm.check(args));
        assertEquals(List.of(), ForkJvm.check(List.of()));
    }

    @Test
    void shouldRefuseAFlagTheJvmDoesNotKnowWithItsOwnWords() {
        UsageException e = assertThrows(UsageException.class,
                () -> ForkJvm.check(List.of("-XX:+NoSuchWakepathFlag")));
        assertTrue(e.getMessage().contains("Unrecognized VM option 'NoSuchWakepathFlag'"), e.getMessage());
    }

    @Test
    void shouldRefuseAWordThatIsNoOptionWithoutStartingAJvm() {
        UsageException e = assertThrows(UsageException.class, () -> ForkJvm.check(List.of("UseCompressedOops")));
        assertTrue(e.getMessage().contains("not 'UseCompressedOops'"), e.getMessage());
    }
}
