package io.wakepath.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFolderTest {

    @Test
    void shouldCreateAMissingFolderAndItsParents(@TempDir Path tmp) {
        Path made = OutputFolder.prepare("--out", tmp.resolve("a/b/c"));
        assertTrue(Files.isDirectory(made));
    }

    @Test
    void shouldRefuseAFileWhereAFolderIsExpected(@TempDir Path tmp) throws Exception {
        Path file = Files.createFile(tmp.resolve("file"));
        UsageException e = assertThrows(UsageException.class, () -> OutputFolder.prepare("--out", file));
        assertTrue(e.getMessage().endsWith(": is a file, not a folder"), e.getMessage());
    }

    @Test
    void shouldRefuseAFolderUnderAFile(@TempDir Path tmp) throws Exception {
        Path file = Files.createFile(tmp.resolve("file"));
        UsageException e = assertThrows(UsageException.class, () -> OutputFolder.prepare("--out", file.resolve("x")));
        assertTrue(e.getMessage().contains("cannot write there"), e.getMessage());
    }

    @Test
    void shouldPrintTheResultsWhenTheWriteFails(@TempDir Path tmp) throws Exception {
        Path file = Files.createFile(tmp.resolve("file"));
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        boolean written = OutputFolder.write("x", file.resolve("results.json"), "{\"the\": \"results\"}",
                new PrintStream(terminal, true, StandardCharsets.UTF_8));
        assertFalse(written);
        assertEquals("{\"the\": \"results\"}", terminal.toString(StandardCharsets.UTF_8).strip());
    }
}
