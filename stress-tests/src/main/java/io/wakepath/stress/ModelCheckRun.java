package io.wakepath.stress;

import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a layer's model checks ({@link ModelChecks}) for one strategy in a child JVM with Lincheck's JVM flags, bounded
 * in time, and turns its {@code MODEL <name> <status>} lines into test results named {@code model:<name>}.
 */
final class ModelCheckRun {
    /** What Lincheck's agent needs to attach and instrument the JDK's classes. */
    private static final List<String> LINCHECK_JVM_ARGS = List.of(
            "-XX:+EnableDynamicAgentLoading",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
            "--add-exports=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    private static final Pattern LINE = Pattern.compile("^MODEL (\\S+) (OK|FAILED|ERROR)$");
    static final String PREFIX = "model:";

    private ModelCheckRun() {
    }

    static List<TestResult> run(Path jar, String mainClass, List<String> strategyArgs, Path dir, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path console = dir.resolve("model-console.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(LINCHECK_JVM_ARGS);
        command.addAll(strategyArgs);
        command.addAll(List.of("-cp", jar.toString(), mainClass, dir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
                .start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        List<TestResult> results = parse(Files.readAllLines(console, StandardCharsets.UTF_8));
        if (!finished) {
            results.add(new TestResult(PREFIX + "unfinished", Status.HUNG, 0, Map.of()));
        } else if (results.isEmpty() || process.exitValue() != 0) {
            results.add(new TestResult(PREFIX + "run", Status.ERROR, 0, Map.of()));
        }
        return results;
    }

    static List<TestResult> parse(List<String> lines) {
        List<TestResult> results = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                Status status = switch (m.group(2)) {
                    case "OK" -> Status.OK;
                    case "FAILED" -> Status.FAILED;
                    default -> Status.ERROR;
                };
                Map<String, Long> forbidden = status == Status.FAILED ? Map.of("a thread never returned", 1L) : Map.of();
                results.add(new TestResult(PREFIX + m.group(1), status, 0, forbidden));
            }
        }
        return results;
    }
}
