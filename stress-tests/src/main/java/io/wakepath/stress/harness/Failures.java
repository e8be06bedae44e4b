package io.wakepath.stress.harness;

import io.wakepath.core.Failure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line that says why something failed to run: the root cause of an exception, from a {@link Throwable} or from
 * a stack trace printed in a child VM's console. Every {@code ERROR} cell of {@code check} carries one.
 */
public final class Failures {
    /** {@code java.lang.IllegalStateException: message}, or {@code Caused by: ...}; not an {@code at} line. */
    private static final Pattern EXCEPTION =
            Pattern.compile("^\\s*(?:Caused by: )?((?:[\\w$]+\\.)*[\\w$]*(?:Exception|Error|Throwable))(?::\\s*(.*))?$");
    private static final Pattern NEXT_TEST = Pattern.compile("^\\.*\\s*\\[[A-Z_]+]\\s+\\S+\\s*$");

    private Failures() {
    }

    /** The root cause of {@code t}, in one line. */
    public static String reason(Throwable t) {
        return Failure.of(t);
    }

    /**
     * The root cause of the first stack trace in {@code lines} (up to the next jcstress test header), in one line; the
     * first line that is not blank when there is no stack trace.
     */
    public static String reason(List<String> lines) {
        String first = null;
        String root = null;
        String fallback = null;
        for (String line : lines) {
            if (NEXT_TEST.matcher(line).matches()) {
                break;
            }
            Matcher m = EXCEPTION.matcher(line);
            if (m.matches()) {
                String text = line(m.group(1), m.group(2));
                if (first == null) {
                    first = text;
                } else if (line.strip().startsWith("Caused by:")) {
                    root = text;
                }
            } else if (fallback == null && !line.isBlank() && !line.strip().startsWith("at ")
                    && !line.strip().endsWith(":")) {
                fallback = line.strip();
            }
            if (first != null && !line.isBlank() && !line.strip().startsWith("at ") && !m.matches()
                    && !line.strip().startsWith("...")) {
                break;                                  // the trace ended
            }
        }
        String found = root != null ? root : first != null ? first : fallback;
        return found != null ? clip(found) : "no reason printed; see the console";
    }

    private static String line(String type, String message) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return Failure.clip(message == null || message.isBlank() ? simple : simple + ": " + message.strip());
    }

    private static String clip(String s) {
        return Failure.clip(s);
    }
}
