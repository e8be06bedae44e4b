package io.wakepath.core;

/** A failure in one line: the root cause of an exception, its type and message. */
public final class Failure {
    private static final int MAX = 240;

    private Failure() {
    }

    /** {@code IllegalAccessError: class X cannot access Y}: the innermost cause of {@code t}. */
    public static String of(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String type = root.getClass().getSimpleName();
        String message = root.getMessage();
        return clip(message == null || message.isBlank() ? type : type + ": " + message.strip());
    }

    /** {@code text} on one line, at most 240 characters. */
    public static String clip(String text) {
        String one = text.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= MAX ? one : one.substring(0, MAX - 3) + "...";
    }
}
