package io.wakepath.core;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private final CommandLine options = new CommandLine("demo", "a demo command")
            .flag("--quick", "be quick")
            .option("--out", "DIR", "where to write");

    @Test
    void shouldParseFlagsAndValuesInBothForms() {
        CommandLine.Parsed p = options.parse("--quick", "--out", "a");
        assertTrue(p.has("--quick"));
        assertEquals("a", p.value("--out").orElseThrow());
        assertEquals("b", options.parse("--out=b").value("--out").orElseThrow());
        assertFalse(options.parse().has("--quick"));
    }

    @Test
    void shouldRejectAnUnknownOptionNamingTheCommand() {
        UsageException e = assertThrows(UsageException.class, () -> options.parse("--frob"));
        assertEquals("unknown option '--frob' for 'demo' (see: wakepath demo --help)", e.getMessage());
        assertThrows(UsageException.class, () -> options.parse("stray"));
    }

    @Test
    void shouldRejectAMissingValueAndAValueForAFlag() {
        assertTrue(assertThrows(UsageException.class, () -> options.parse("--out")).getMessage().contains("DIR"));
        assertThrows(UsageException.class, () -> options.parse("--out", "--quick"));
        assertThrows(UsageException.class, () -> options.parse("--quick=yes"));
    }

    @Test
    void shouldRejectASingleValuedOptionGivenTwice() {
        assertThrows(UsageException.class, () -> options.parse("--out", "a", "--out", "b").value("--out"));
        assertEquals(List.of("a", "b"), options.parse("--out", "a", "--out", "b").values("--out"));
    }

    @Test
    void shouldListEveryOptionInTheHelp() {
        assertTrue(options.parse("--help").helpRequested());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        options.printHelp(new PrintStream(bytes, true));
        String help = bytes.toString();
        assertTrue(help.contains("usage: wakepath demo") && help.contains("--out DIR") && help.contains("--quick"),
                help);
    }
}
