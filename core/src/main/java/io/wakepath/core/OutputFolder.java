package io.wakepath.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command writes its results. The folder is made ready before any work starts, so that a bad {@code --out}
 * costs a one-line error (exit 2) and not a run; a write that fails after the work (a full disk, a folder removed
 * meanwhile) loses nothing: the results are printed to the terminal and the command exits 1.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Creates {@code dir} (and its parents) and proves it writable by writing a file there.
     *
     * @param option the option that named it, for the message ({@code --out})
     * @throws UsageException naming the path and the reason
     */
    public static Path prepare(String option, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UsageException(option + " " + abs + ": is a file, not a folder");
        }
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".wakepath-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new UsageException(option + " " + abs + ": cannot write there (" + why(e) + ")");
        }
        return abs;
    }

    /** Why a file operation failed, in words: the system's reason, not the exception's class. */
    static String why(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder, and none can be made there";
        }
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : Failure.of(e);
    }

    /**
     * Writes {@code text} to {@code file}. On failure, prints {@code text} to {@code terminal} (so the results are not
     * lost) and one line saying what could not be written and why on standard error.
     *
     * @return whether the file was written (the command exits 1 when not)
     */
    public static boolean write(String command, Path file, String text, PrintStream terminal) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            return true;
        } catch (IOException | SecurityException e) {
            terminal.println(text);
            terminal.flush();
            System.err.println("wakepath " + command + ": could not write " + file + ": " + why(e)
                    + " (the results are above)");
            return false;
        }
    }
}
