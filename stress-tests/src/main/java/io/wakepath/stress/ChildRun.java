package io.wakepath.stress;

import io.wakepath.core.HungProcess;
import io.wakepath.core.VmOptions;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.harness.Failures;
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
 * Runs one of wakepath's own checkers for one strategy in a child JVM, bounded in time: the model checks
 * * ({@code ModelChecks}, tag {@code MODEL}) or the chain stress ({@code ChainStress}, tag {@code CHAIN}). The child
 * prints one line per property, {@code <TAG> <name> OK|FAILED|ERROR|INCONCLUSIVE [what it saw]}; each becomes a test
 * result named {@code <tag>:<name>}. A child that does not finish in time has its stacks saved and is killed: its
 * result is the caller's {@code onTimeout} ({@code HUNG} when only the class's own threads run there, as in the
 * chain; {@code INCONCLUSIVE} when the checker itself may be what did not end, as the model checker).
 */
final class ChildRun {
    /** What Lincheck's agent needs to attach and instrument the JDK's classes. */
    static final List<String> LINCHECK_JVM_ARGS = List.of(
            "-XX:+EnableDynamicAgentLoading",
            "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
            "--add-exports=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private ChildRun() {
    }

    /**
     * @param tag     the line tag the child prints, e.g. {@code MODEL}; its lower case prefixes the result names
     * @param console where the child's output goes (its stacks, if it hangs, beside it)
     */
    static List<TestResult> run(String tag, String classpath, String mainClass, List<String> jvmArgs,
                                List<String> args, Path console, Duration timeout, Status onTimeout)
            throws IOException, InterruptedException {
        Files.createDirectories(console.getParent());
        List<String> command = new ArrayList<>(List.of(VmOptions.javaBinary()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        Process process = Children.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile()));
        boolean finished;
        try {
            finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        } finally {
            Children.ended(process);
        }
        if (!finished) {
            HungProcess.killWithStacks(process, console.resolveSibling(tag.toLowerCase() + "-hang-stacks.txt"));
        }
        List<TestResult> results = parse(tag, Files.readAllLines(console, StandardCharsets.UTF_8));
        String prefix = tag.toLowerCase() + ":";
        if (!finished) {
            results.add(new TestResult(prefix + "unfinished", onTimeout, 0, Map.of(),
                    (onTimeout == Status.INCONCLUSIVE ? "the checker " : "")
                            + "did not finish in " + timeout.toSeconds() + " s; stacks in " + tag.toLowerCase()
                            + "-hang-stacks.txt"));
        } else if (results.isEmpty() || process.exitValue() != 0) {
            results.add(new TestResult(prefix + "run", Status.ERROR, 0, Map.of(),
                    "the child VM failed (exit " + process.exitValue() + "): "
                            + Failures.reason(Files.readAllLines(console, StandardCharsets.UTF_8)) + "; see "
                            + console));
        }
        return results;
    }

    static List<TestResult> parse(String tag, List<String> lines) {
        Pattern line = Pattern.compile("^" + tag + " (\\S+) (OK|FAILED|ERROR|INCONCLUSIVE)(?: (.*))?$");
        List<TestResult> results = new ArrayList<>();
        for (String l : lines) {
            Matcher m = line.matcher(l);
            if (m.matches()) {
                Status status = switch (m.group(2)) {
                    case "OK" -> Status.OK;
                    case "FAILED" -> Status.FAILED;
                    case "INCONCLUSIVE" -> Status.INCONCLUSIVE;
                    default -> Status.ERROR;
                };
                String saw = m.group(3);
                Map<String, Long> forbidden = status == Status.FAILED ? Map.of(m.group(1), 1L) : Map.of();
                results.add(new TestResult(tag.toLowerCase() + ":" + m.group(1), status, 0, forbidden, saw));
            }
        }
        return results;
    }
}
