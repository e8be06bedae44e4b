package io.wakepath.stress;

import io.wakepath.core.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The options every VM that {@code check} forks gets (jcstress's test VMs, the model checker's, the chain stress's):
 * native access for jcstress's affinity calls, the exports and permissions the common libraries need, and the
 * user's {@code --jvm-arg}s, checked by starting a VM with them before any work.
 */
final class ForkOptions {
    /**
     * Agrona 2 reads {@code jdk.internal.misc.Unsafe} and fails to load without the export; JCTools, Agrona and the
     * Disruptor use {@code sun.misc.Unsafe}, which JDK 24+ warns about (and later JDKs deny) unless allowed.
     */
    static List<String> defaults() {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
    }

    private ForkOptions() {
    }

    /** The defaults and {@code userArgs}. @throws UsageException when a VM refuses one of them */
    static List<String> of(List<String> userArgs) {
        List<String> args = defaults();
        for (String arg : userArgs) {
            if (arg.isBlank() || arg.chars().anyMatch(Character::isWhitespace)) {
                throw new UsageException("--jvm-arg '" + arg + "': one option per --jvm-arg, without spaces "
                        + "(jcstress splits its VM options on spaces)");
            }
            if (!arg.startsWith("-")) {
                throw new UsageException("--jvm-arg '" + arg + "' is not a VM option (they start with '-')");
            }
        }
        args.addAll(userArgs);
        if (!userArgs.isEmpty()) {
            refuseWhatTheVmRefuses(args);
        }
        return List.copyOf(args);
    }

    private static void refuseWhatTheVmRefuses(List<String> args) {
        List<String> command = new ArrayList<>(List.of(JcstressRun.javaBinary()));
        command.addAll(args);
        command.add("-version");
        try {
            Process vm = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = vm.getInputStream().readAllBytes();
            if (!vm.waitFor(30, TimeUnit.SECONDS)) {
                vm.destroyForcibly();
                throw new UsageException("--jvm-arg: a VM started with " + args + " did not answer -version in 30 s");
            }
            if (vm.exitValue() != 0) {
                String first = new String(output, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                        .findFirst().orElse("exit " + vm.exitValue());
                throw new UsageException("--jvm-arg: the VM refuses these options: " + first.strip());
            }
        } catch (IOException e) {
            throw new UsageException("--jvm-arg: could not start a VM to check them: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--jvm-arg: interrupted while checking them");
        }
    }
}
