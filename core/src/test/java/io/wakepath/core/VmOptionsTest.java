package io.wakepath.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmOptionsTest {
    @Test
    void shouldPassOptionsTheVmStartsWith() {
        List<String> args = List.of("-XX:-UseCompressedOops", "-Xmx256m");
        assertEquals(args, VmOptions.checked(List.of("-Xss1m"), args));
        assertEquals(List.of(), VmOptions.checked(List.of(), List.of()));
    }

    @Test
    void shouldRefuseAnOptionTheVmDoesNotKnowInTheVmsOwnWords() {
        UsageException e = assertThrows(UsageException.class,
                () -> VmOptions.checked(List.of(), List.of("-XX:+NoSuchWakepathFlag")));
        assertTrue(e.getMessage().contains("Unrecognized VM option 'NoSuchWakepathFlag'"), e.getMessage());
    }

    @Test
    void shouldRefuseWordsThatAreNoSingleOptionWithoutStartingAVm() {
        assertTrue(assertThrows(UsageException.class, () -> VmOptions.checked(List.of(), List.of("Xmx1g")))
                .getMessage().contains("'Xmx1g' is not a VM option"));
        assertTrue(assertThrows(UsageException.class, () -> VmOptions.checked(List.of(), List.of("-Dx=a b")))
                .getMessage().contains("one option per --jvm-arg"));
    }

    @Test
    void shouldQuoteTheVmsOwnLineNotAnEnvironmentsNotice() {
        String output = "Picked up JAVA_TOOL_OPTIONS: -Dfoo=1\nUnrecognized VM option 'X'\nError: Could not create";
        assertEquals("Unrecognized VM option 'X'", VmOptions.firstOwnLine(output, 1));
        assertEquals("exit 1", VmOptions.firstOwnLine("Picked up JDK_JAVA_OPTIONS: -Dx\n", 1));
    }
}
