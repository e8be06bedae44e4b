package io.wakepath.core;

/**
 * Bad usage or bad input: the command prints {@code wakepath: <message>} on one line and exits with
 * {@link #EXIT_CODE}, never with a stack trace.
 */
public final class UsageException extends RuntimeException {
    public static final int EXIT_CODE = 2;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
