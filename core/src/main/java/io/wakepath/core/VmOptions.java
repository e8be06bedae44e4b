package io.wakepath.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user's {@code --jvm-arg}s for the VMs a command forks ({@code check}'s test VMs, {@code bench}'s JMH forks),
 * checked before any work: one option each, and a VM started with them answers {@code -version}. A misspelt flag is
 * then one clear error, not every fork failing.
 */
public final class VmOptions {
    private static final long PROBE_SECONDS = 30;

    private VmOptions() {
    }

    /**
     * {@code userArgs}, unchanged, when a VM starts with {@code base} and them.
     *
     * @param base the options the command's forks have anyway (the probe VM gets them too)
     * @throws UsageException naming what is wrong, in the VM's own words when the VM refuses
     */
    public static List<String> checked(List<String> base, List<String> userArgs) {
        for (String arg : userArgs) {
            if (arg.isBlank() || arg.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageException("--jvm-arg '" + arg + "': one option per --jvm-arg, without spaces "
                        + "(jcstress splits VM options on spaces)");
            }
            if (!arg.startsWith("-")) {
                throw new UsageException("--jvm-arg '" + arg + "' is not a VM option (they start with '-')");
            }
        }
        if (!userArgs.isEmpty()) {
            List<String> command = new ArrayList<>();
            command.add(javaBinary());
            command.addAll(base);
            command.addAll(userArgs);
            command.add("-version");
            probe(command, userArgs);
        }
        return List.copyOf(userArgs);
    }

    /** The {@code java} of the running VM: the one every fork uses. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void probe(List<String> command, List<String> userArgs) {
        try {
            Process vm = new ProcessBuilder(command).redirectErrorStream(true).start();
            vm.getOutputStream().close();
            byte[] output = vm.getInputStream().readAllBytes();
            if (!vm.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                vm.destroyForcibly();
                throw new UsageException("--jvm-arg: a VM started with " + userArgs + " did not answer -version in "
                        + PROBE_SECONDS + " s");
            }
            if (vm.exitValue() != 0) {
                throw new UsageException("--jvm-arg: the VM refuses these options: "
                        + firstOwnLine(new String(output, StandardCharsets.UTF_8), vm.exitValue()));
            }
        } catch (IOException e) {
            throw new UsageException("--jvm-arg: could not start a VM to check them: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--jvm-arg: interrupted while checking them");
        }
    }

    /** The VM's first line that is not an environment's notice ({@code Picked up JAVA_TOOL_OPTIONS: ...}). */
    static String firstOwnLine(String output, int exitValue) {
        return output.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("Picked up "))
                .findFirst().orElse("exit " + exitValue);
    }
}
