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

    @Test
    void shouldReadTimesInEveryUnit() {
        assertEquals(500, CommandLine.millis("--t", "500ms", 1, Long.MAX_VALUE));
        assertEquals(2_000, CommandLine.millis("--t", "2s", 1, Long.MAX_VALUE));
        assertEquals(1_800_000, CommandLine.millis("--t", "30m", 1, Long.MAX_VALUE));
        assertEquals(7_200_000, CommandLine.millis("--t", "2h", 1, Long.MAX_VALUE));
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> CommandLine.millis("--t", "soon", 1, 10));
        assertEquals("--t needs a time such as 2s or 500ms, got 'soon'", e.getMessage());
    }
}
