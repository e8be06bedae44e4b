package io.wakepath.stress;

import io.wakepath.core.HungProcess;
import io.wakepath.core.VmOptions;
import io.wakepath.stress.harness.Failures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One jcstress invocation in a child process: the given tests against one strategy, bounded in time. Its console
 * output is kept beside the HTML report and parsed into one {@link TestResult} per requested test; a test that does
 * not show up in the results is {@link Status#NOT_RUN}, never silently passed (jcstress exits 0 on "No matching
 * tests"). On timeout the child VMs' thread stacks are saved, the process tree is killed and the unfinished tests are
 * {@link Status#HUNG}.
 */
final class JcstressRun {

    /**
     * A test's result. {@code INCONCLUSIVE}: the checker could not decide (the model checker could not explore the
     * class, or ran out of time without a deadlock it could show): not a verdict on the class, which the other
     * checkers judge. {@code HUNG} is for the class's own threads: a test or case that did not end.
     */
    enum Status { OK, INCONCLUSIVE, FAILED, ERROR, NOT_RUN, HUNG }

    /**
     * @param samples          outcomes observed, all configurations together
     * @param forbidden        observed forbidden outcomes: result id -> samples
     * @param saw              what a failure means, in words (the forbidden outcome's description, the finding of
     *                         a chain run); null when nothing went wrong
     */
    record TestResult(String test, Status status, long samples, Map<String, Long> forbidden, String saw) {
        long forbiddenSamples() {
            return forbidden.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Outcome(List<TestResult> results, Path reportDir, Path console, Path hangStacks) {
    }

    private static final Pattern TEST_LINE = Pattern.compile("^\\.*\\s*\\[([A-Z_]+)]\\s+(\\S+)\\s*$");
    private static final Pattern SAMPLE_ROW =
            Pattern.compile("^\\s+(.*?)\\s+([\\d,]+)\\s+([<\\d.]+%)\\s+(Acceptable|Forbidden|Interesting)\\s*(.*)$");

    private JcstressRun() {
    }

    /** @param classpath jcstress.jar, then a user's class path: jcstress forks its test VMs with the same one */
    static Outcome run(String classpath, List<String> tests, List<String> jvmArgs, CheckPreset preset,
                       List<String> presetOptions, Path reportDir, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(reportDir);
        Path console = reportDir.resolve("console.txt");
        List<String> command = new ArrayList<>(List.of(VmOptions.javaBinary(), "-cp", classpath,
                "org.openjdk.jcstress.Main",
                "-t", tests.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$")),
                "-v", "-r", reportDir.resolve("html").toString()));
        command.addAll(presetOptions);
        command.add(preset.singleJvmConfig ? "-jvmArgs" : "-jvmArgsPrepend");
        command.add(String.join(" ", jvmArgs));
        Process process = Children.start(new ProcessBuilder(command)
                .directory(reportDir.toFile())                 // jcstress drops its result blob in the cwd
                .redirectErrorStream(true)
                .redirectOutput(console.toFile()));
        Path hangStacks = null;
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                hangStacks = reportDir.resolve("hang-stacks.txt");
                HungProcess.killWithStacks(process, hangStacks);
            }
        } finally {
            Children.ended(process);
        }
        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        return new Outcome(parse(lines, tests, hangStacks != null), reportDir.resolve("html"), console, hangStacks);
    }

    /** The per-test results of a jcstress console output ({@code -v}), for every test requested. */
    static List<TestResult> parse(List<String> lines, List<String> requested, boolean hung) {
        int start = lines.indexOf("RUN RESULTS:");
        Map<String, Status> status = new LinkedHashMap<>();
        Map<String, Long> samples = new LinkedHashMap<>();
        Map<String, Map<String, Long>> forbidden = new LinkedHashMap<>();
        Map<String, String> meaning = new LinkedHashMap<>();
        String current = null;
        for (int i = Math.max(start, 0); start >= 0 && i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher test = TEST_LINE.matcher(line);
            if (test.matches()) {
                current = test.group(2);
                Status s = toStatus(test.group(1));
                status.merge(current, s, JcstressRun::worse);
                if (s == Status.ERROR) {
                    meaning.putIfAbsent(current, Failures.reason(lines.subList(i + 1, lines.size())));
                }
                continue;
            }
            Matcher row = SAMPLE_ROW.matcher(line);
            if (current != null && row.matches()) {
                long n = Long.parseLong(row.group(2).replace(",", ""));
                samples.merge(current, n, Long::sum);
                if (row.group(4).equals("Forbidden") && n > 0) {
                    forbidden.computeIfAbsent(current, k -> new LinkedHashMap<>()).merge(row.group(1), n, Long::sum);
                    meaning.putIfAbsent(current, "outcome (" + row.group(1) + "): " + row.group(5).strip());
                }
            }
        }
        List<TestResult> results = new ArrayList<>();
        for (String test : requested) {
            Status s = status.getOrDefault(test, hung ? Status.HUNG : Status.NOT_RUN);
            results.add(new TestResult(test, s, samples.getOrDefault(test, 0L), forbidden.getOrDefault(test, Map.of()),
                    meaning.get(test)));
        }
        return results;
    }

    private static Status toStatus(String jcstressGrade) {
        return switch (jcstressGrade) {
            case "OK" -> Status.OK;
            case "FAILED" -> Status.FAILED;
            default -> Status.ERROR;
        };
    }

    private static Status worse(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
