package io.wakepath.core;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one {@code wakepath} command: declared once, so that parsing, the {@code --help} text and the
 * one-line error for an unknown option all come from the same place.
 *
 * <pre>{@code
 * CommandLine cl = new CommandLine("list", "every strategy of every layer")
 *         .flag("--json", "print the registry as JSON");
 * CommandLine.Parsed p = cl.parse(args);     // throws UsageException on bad input
 * if (p.has("--json")) ...
 * }</pre>
 */
public final class CommandLine {
    private final String command;
    private final String summary;
    private final Map<String, Option> options = new LinkedHashMap<>();

    private record Option(String name, String valueName, String help) {
        boolean takesValue() {
            return valueName != null;
        }
    }

    public CommandLine(String command, String summary) {
        this.command = command;
        this.summary = summary;
    }

    /** Every command's flag for stack traces, which are never printed without it. */
    public static final String VERBOSE = "--verbose";

    public CommandLine flag(String name, String help) {
        options.put(name, new Option(name, null, help));
        return this;
    }

    public CommandLine option(String name, String valueName, String help) {
        options.put(name, new Option(name, valueName, help));
        return this;
    }

    /** Parses {@code args}; {@code --help} / {@code -h} is always understood. */
    public Parsed parse(String... args) {
        Map<String, List<String>> values = new HashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals(VERBOSE)) {
                continue;                              // read by exit(), whatever the command
            }
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            Option option = options.get(name);
            if (option == null) {
                throw new UsageException((arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg
                        + "' for '" + command + "' (see: wakepath " + command + " --help)");
            }
            String value;
            if (!option.takesValue()) {
                if (inlineValue != null) {
                    throw new UsageException("option " + name + " of '" + command + "' takes no value");
                }
                value = "";
            } else if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("option " + name + " of '" + command + "' needs a value "
                        + option.valueName());
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new Parsed(values, help);
    }

    public void printHelp(PrintStream out) {
        out.println("usage: wakepath " + command + (options.isEmpty() ? "" : " [options]"));
        out.println();
        out.println("  " + summary);
        out.println();
        out.println("options:");
        int width = 0;
        for (Option o : options.values()) {
            width = Math.max(width, label(o).length());
        }
        width = Math.max(width, VERBOSE.length());
        for (Option o : options.values()) {
            out.printf("  %-" + width + "s  %s%n", label(o), o.help());
        }
        out.printf("  %-" + width + "s  %s%n", VERBOSE, "on an unexpected failure, print its stack trace too");
        out.printf("  %-" + width + "s  %s%n", "--help", "show this help");
    }

    private static String label(Option o) {
        return o.takesValue() ? o.name() + " " + o.valueName() : o.name();
    }

    /** The result of {@link #parse}: which options were given and their values. */
    public static final class Parsed {
        private final Map<String, List<String>> values;
        private final boolean help;

        private Parsed(Map<String, List<String>> values, boolean help) {
            this.values = values;
            this.help = help;
        }

        public boolean helpRequested() {
            return help;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        /** The value of a single-valued option; giving it twice is an error. */
        public Optional<String> value(String name) {
            List<String> v = values.get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (v.size() > 1) {
                throw new UsageException("option " + name + " given more than once");
            }
            return Optional.of(v.get(0));
        }

        public List<String> values(String name) {
            return values.getOrDefault(name, List.of());
        }

        /** A whole-number option within bounds. @throws UsageException when it is not one, or out of bounds */
        public int integer(String name, int dflt, int min, int max) {
            long v = value(name).map(s -> whole(name, s)).orElse((long) dflt);
            if (v < min || v > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", got " + v);
            }
            return (int) v;
        }

        /** A whole-number option. @throws UsageException when it is not one */
        public long longValue(String name, long dflt) {
            return value(name).map(s -> whole(name, s)).orElse(dflt);
        }

        /** A rate per second ({@code 20000}, {@code 20k}, {@code 1.5m}) within [min, 10M]. */
        public double rate(String name, String dflt, double min) {
            String s = value(name).orElse(dflt);
            String t = s.toLowerCase(java.util.Locale.ROOT);
            double factor = t.endsWith("k") ? 1e3 : t.endsWith("m") ? 1e6 : 1;
            if (factor != 1) {
                t = t.substring(0, t.length() - 1);
            }
            double r;
            try {
                r = Double.parseDouble(t) * factor;
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a number per second (e.g. 20000 or 20k), got '" + s + "'");
            }
            if (!(r >= min && r <= 10e6)) {
                throw new UsageException(name + " must be between " + (long) min + " and 10M per second, got '" + s
                        + "'");
            }
            return r;
        }

        private static long whole(String name, String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a whole number, got '" + s + "'");
            }
        }

        /** A time option ({@code 500ms}, {@code 2s}, {@code 30m}, {@code 1h}) in milliseconds, within bounds. */
        public long millis(String name, String dflt, long min, long max) {
            return CommandLine.millis(name, value(name).orElse(dflt), min, max);
        }
    }

    /**
     * {@code text} as a time in milliseconds: a number with {@code ms}, {@code s}, {@code m} or {@code h}, or bare
     * milliseconds. @throws UsageException naming {@code option} when it is not a time or out of bounds
     */
    public static long millis(String option, String text, long min, long max) {
        String t = text.strip();
        long ms;
        try {
            if (t.endsWith("ms")) {
                ms = Long.parseLong(t.substring(0, t.length() - 2));
            } else if (t.endsWith("s") || t.endsWith("m") || t.endsWith("h")) {
                double unit = t.endsWith("s") ? 1_000 : t.endsWith("m") ? 60_000 : 3_600_000;
                ms = Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * unit);
            } else {
                ms = Long.parseLong(t);
            }
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a time such as 2s or 500ms, got '" + text + "'");
        }
        if (ms < min || ms > max) {
            throw new UsageException(option + " must be between " + describe(min) + " and " + describe(max)
                    + ", got '" + text + "'");
        }
        return ms;
    }

    private static String describe(long ms) {
        return ms % 3_600_000 == 0 && ms > 0 ? ms / 3_600_000 + " h" : ms % 60_000 == 0 && ms > 0 ? ms / 60_000 + " min"
                : ms + " ms";
    }

    /**
     * Runs a command's body, the one top-level handler of every command: a {@link UsageException} becomes
     * {@code wakepath: <message>} on stderr and exit 2; any other failure {@code wakepath <command>: failed: <root
     * cause>} and exit 1, with the stack trace only when {@code args} has {@code --verbose}; otherwise the body's
     * return value is the exit code.
     */
    public static void exit(String command, String[] args, CommandBody body) {
        int code;
        try {
            code = body.run();
        } catch (UsageException e) {
            System.err.println("wakepath: " + e.getMessage());
            code = UsageException.EXIT_CODE;
        } catch (Throwable t) {
            System.out.flush();
            System.err.println("wakepath " + command + ": failed: " + Failure.of(t)
                    + (java.util.Arrays.asList(args).contains(VERBOSE) ? "" : " (--verbose prints the stack trace)"));
            if (java.util.Arrays.asList(args).contains(VERBOSE)) {
                t.printStackTrace();
            }
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    @FunctionalInterface
    public interface CommandBody {
        int run() throws Exception;
    }
}
