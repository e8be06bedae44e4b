package io.wakepath.bench;

import io.wakepath.core.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user's {@code --jvm-arg}s, checked before any benchmark runs: the JVM the forks use is started once with them
 * ({@code java ARGS -version}), so that a misspelt flag is one clear error instead of every fork failing.
 */
final class ForkJvm {
    private static final long PROBE_SECONDS = 60;

    private ForkJvm() {
    }

    /** {@code args}, unchanged, when the forks' JVM starts with them; otherwise a {@link UsageException}. */
    static List<String> check(List<String> args) {
        if (args.isEmpty()) {
            return args;
        }
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                throw new UsageException("--jvm-arg takes a JVM option (starting with '-'), not '" + arg + "'");
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        command.add("-version");
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getOutputStream().close();
            if (!probe.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw new UsageException("--jvm-arg: the JVM did not start with " + String.join(" ", args)
                        + " within " + PROBE_SECONDS + " s");
            }
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.exitValue() != 0) {
                throw new UsageException("--jvm-arg: the JVM refuses " + String.join(" ", args) + ": "
                        + firstOwnLine(output));
            }
        } catch (IOException e) {
            throw new UsageException("--jvm-arg: could not start " + command.get(0) + " to check the arguments: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--jvm-arg: interrupted while checking the arguments");
        }
        return args;
    }

    /** The JVM's first line that is not an environment's notice ({@code Picked up JAVA_TOOL_OPTIONS: ...}). */
    private static String firstOwnLine(String output) {
        return output.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Picked up "))
                .findFirst().orElse("exit code without a message");
    }
}
