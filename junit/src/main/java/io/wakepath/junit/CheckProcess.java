package io.wakepath.junit;

import io.wakepath.core.HungProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code wakepath check} in a VM of its own, from a built wakepath checkout: the same jar and main class as
 * {@code ./wakepath check}, so the verdict is the command's. The VM is this test VM's Java (21 or later); the wait is
 * bounded, and a run that outlives it has the stacks of its VMs saved before it is killed.
 */
final class CheckProcess {
    /** Where the checkout is: a system property, else an environment variable. */
    static final String HOME_PROPERTY = "wakepath.home";
    static final String HOME_VARIABLE = "WAKEPATH_HOME";
    static final String JAR = "stress-tests/target/jcstress.jar";
    static final String MAIN = "io.wakepath.stress.StressCheck";

    /**
     * How a run ended.
     *
     * @param exitCode the check's exit code (0 clean, 1 a finding, 2 bad input)
     * @param console  everything it printed
     */
    record Ended(int exitCode, Path console) {
        List<String> lines() throws IOException {
            return Files.readAllLines(console, StandardCharsets.UTF_8);
        }
    }

    private CheckProcess() {
    }

    /** The checkout's check jar. @throws IllegalStateException naming what to set or build */
    static Path jar(Optional<String> property, Optional<String> variable) {
        String home = property.or(() -> variable).filter(h -> !h.isBlank()).orElseThrow(() ->
                new IllegalStateException("wakepath check needs a built wakepath checkout: set the system property "
                        + HOME_PROPERTY + " (or the environment variable " + HOME_VARIABLE + ") to it"));
        Path jar = Path.of(home).resolve(JAR).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": " + HOME_PROPERTY + " must be a wakepath checkout built"
                    + " with ./mvnw package (or any ./wakepath command)");
        }
        return jar;
    }

    static Path jar() {
        return jar(Optional.ofNullable(System.getProperty(HOME_PROPERTY)), Optional.ofNullable(System.getenv(HOME_VARIABLE)));
    }

    /** This VM's {@code java}, which must be 21 or later: wakepath's classes are built for 21. */
    static List<String> java(int feature, Path javaHome) {
        if (feature < 21) {
            throw new IllegalStateException("wakepath check needs Java 21 or later, and this test runs on Java "
                    + feature + ": run the tests on a JDK 21+ (surefire's <jvm>)");
        }
        List<String> java = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString(),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"));  // as ./wakepath: Agrona 2 needs it
        if (feature >= 24) {
            java.add("--sun-misc-unsafe-memory-access=allow");     // the peers' jars use sun.misc.Unsafe
        }
        return java;
    }

    /** Runs {@code args} through the check's main class; its output goes to {@code console}. */
    static Ended run(Path jar, List<String> args, Path console, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java(Runtime.version().feature(), Path.of(System.getProperty("java.home"))));
        command.addAll(List.of("-cp", jar.toString(), MAIN));
        command.addAll(args);
        Files.createDirectories(console.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                Path stacks = console.resolveSibling("check-hang-stacks.txt");
                HungProcess.killWithStacks(process, stacks);
                throw new IllegalStateException("wakepath check did not finish within " + timeout.toSeconds()
                        + " s (every check inside it is bounded: this is wakepath's fault, not your class's); the"
                        + " stacks of its VMs are in " + stacks + ", its output in " + console);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
        return new Ended(process.exitValue(), console);
    }
}
