package io.wakepath.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the machine-readable results (the library modules have no third-party dependencies).
 * Values may be {@code null}, {@link Boolean}, {@link Number}, {@link CharSequence}, {@link Map} (keys are written
 * in iteration order) and {@link List}.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> out.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> out.append("null");
            case Number n -> out.append(n);
            case CharSequence s -> string(out, s);
            case Map<?, ?> map -> container(out, '{', '}', map.entrySet().iterator(), depth, (e, d) -> {
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue(), d);
            });
            case List<?> list -> container(out, '[', ']', list.iterator(), depth, (v, d) -> write(out, v, d));
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private interface ElementWriter<T> {
        void write(T element, int depth);
    }

    private static <T> void container(StringBuilder out, char open, char close, Iterator<T> it, int depth,
                                      ElementWriter<T> element) {
        out.append(open);
        if (!it.hasNext()) {
            out.append(close);
            return;
        }
        while (it.hasNext()) {
            out.append('\n').append("  ".repeat(depth + 1));
            element.write(it.next(), depth + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append('\n').append("  ".repeat(depth)).append(close);
    }

    private static void string(StringBuilder out, CharSequence s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
