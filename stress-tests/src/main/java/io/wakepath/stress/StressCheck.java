package io.wakepath.stress;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Json;
import io.wakepath.core.OutputFolder;
import io.wakepath.core.Strategy;
import io.wakepath.core.UsageException;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;
import io.wakepath.stress.layers.Bindings;
import io.wakepath.stress.layers.ChainStress;
import io.wakepath.stress.JcstressRun.TestResult;
import org.openjdk.jcstress.annotations.JCStressTest;

import java.io.File;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code wakepath check}: for every registered strategy (or a user's class, {@code --target}), the jcstress litmus
 * catalogue of its layer, the model checks where the layer has them, and the many-reader chain stress
 * ({@link ChainStress}); one verdict per strategy: correct ones (and the user's class) must be clean, broken ones must
 * be caught. Exit 0 when every verdict is as expected, 1 otherwise, 2 on bad usage.
 *
 * <pre>java -cp stress-tests/target/jcstress.jar io.wakepath.stress.StressCheck --quick --only 'spsc-.*'</pre>
 */
public final class StressCheck {
    /** What {@code check} writes under {@code --out}: wakepath's verdicts, JUnit XML, SARIF. */
    static final String VERDICTS = "verdicts.json";
    static final String JUNIT = "junit.xml";
    static final String SARIF = "races.sarif";
    static final CommandLine OPTIONS = new CommandLine("check",
            "every strategy through the jcstress catalogue, the model checks and the many-reader chain stress: "
                    + "correct ones must be clean, broken ones caught; or your own class, with --target")
            .flag("--quick", "one JVM configuration, short runs: about 7 minutes for every strategy (the default)")
            .flag("--full", "jcstress -m quick (every JVM configuration) and 10 s chain cases: the long run")
            .option("--only", "REGEX", "only the strategies whose id REGEX finds (anywhere in it; ^...$ anchors)")
            .option("--target", "KIND=CLASS", "check your class instead: " + String.join("=, ",
                    Bindings.kinds().stream().map(TargetKind::id).toList()) + "=a.b.YourClass (what each needs: below)")
            .option("--topology", "T", "with --target queue= or blocking-queue=: spsc, mpsc, spmc or mpmc (default mpmc)")
            .option("--classpath", "PATH", "where --target's class is: jars or folders, ':'-separated")
            .flag("--peers", "check the structures people pick instead (JDK, JCTools, Agrona, Disruptor classes, "
                    + "from their jars) as users' classes; shown as found, never failing the run")
            .option("--jvm-arg", "ARG", "an option for every forked VM (repeatable), e.g. --jvm-arg=-Xmx1g")
            .option("--out", "DIR",
                    "where reports, verdicts.json, junit.xml and races.sarif go (default target/wakepath/check)");

    /** The model checks' child: a scenario is bounded at 40 s inside it; this bounds the VM (start, agent, two). */
    private static final Duration MODEL_CHECK_TIMEOUT = Duration.ofSeconds(120);

    private StressCheck() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.exit("check", args, () -> run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CommandLine.Parsed parsed = OPTIONS.parse(args);
        if (parsed.helpRequested()) {
            OPTIONS.printHelp(out);
            out.println();
            out.println("What a --target class needs, by kind:");
            for (TargetKind kind : Bindings.kinds()) {
                out.printf("  %-15s %s%n", kind.id() + "=", kind.contract());
            }
            return 0;
        }
        if (parsed.has("--quick") && parsed.has("--full")) {
            throw new UsageException("--quick and --full exclude each other");
        }
        CheckPreset preset = parsed.has("--full") ? CheckPreset.FULL : CheckPreset.QUICK;
        if (!parsed.has("--target") && parsed.has("--classpath")) {
            throw new UsageException("--classpath goes with --target");
        }
        if (parsed.has("--target") && parsed.has("--only")) {
            throw new UsageException("--only selects registered strategies; --target checks your class alone");
        }
        if (!parsed.has("--target") && parsed.has("--topology")) {
            throw new UsageException("--topology goes with --target queue= or blocking-queue=");
        }
        if (parsed.has("--peers") && (parsed.has("--target") || parsed.has("--only"))) {
            throw new UsageException("--peers checks the peers alone: not with --" + (parsed.has("--target")
                    ? "target" : "only"));
        }
        Map<String, String> targetOptions = parsed.value("--topology").map(t -> Map.of("topology", t)).orElse(Map.of());
        Optional<Target> target = parsed.value("--target").map(t -> Target.parse(t, parsed.value("--classpath")
                .orElse(null), targetOptions, Bindings::kind));
        List<String> forkArgs = ForkOptions.of(parsed.values("--jvm-arg"));
        Pattern only = compile(parsed.value("--only").orElse(""));
        Path jar = ownJar();
        List<Subject> subjects = parsed.has("--peers") ? Subject.peers(jar)
                : target.map(t -> List.of(Subject.of(t, false))).orElseGet(() -> Subject.registered(only));
        Path outDir = OutputFolder.prepare("--out", Path.of(parsed.value("--out").orElse("target/wakepath/check")));
        List<Class<?>> tests = litmusTests(jar);
        JmmChild jmm = JmmChild.beside(jar);
        if (tests.isEmpty()) {
            throw new IllegalStateException(jar + " holds no @JCStressTest classes: was it built with <proc>full</proc>?");
        }

        List<Verdict> verdicts = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread interrupted = new Thread(() -> {
            if (!done.get()) {
                Children.killAll();
                out.println();
                out.println("interrupted after " + verdicts.size() + " strategies: their verdicts are in "
                        + outDir.resolve(VERDICTS) + " (marked interrupted), " + JUNIT + " and " + SARIF);
                writeResults(outDir, List.copyOf(verdicts), preset, true, out);
                out.flush();
            }
        }, "check-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        for (Subject subject : subjects) {
            LayerBinding binding = subject.binding();
            Strategy strategy = subject.strategy();
            String id = strategy.info().id();
            List<Class<?>> applicable = tests.stream()
                    .filter(t -> binding.covers(t) && binding.applies(t, strategy)).toList();
            out.printf("[%d/%d] %s %s: %d litmus tests, %s%s, %s ... ", verdicts.size() + 1, subjects.size(),
                    binding.layer().id(), id, applicable.size(), binding.ownStress().isPresent() ? "its own stress"
                            : "chain stress", jmm.covers(binding, strategy) ? ", races (jmm)" : "",
                    preset.name().toLowerCase());
            out.flush();
            long started = System.nanoTime();
            Path dir = outDir.resolve(binding.layer().id()).resolve(id);
            String classpath = jar + (subject.classpath().isEmpty() ? "" : File.pathSeparator + String.join(
                    File.pathSeparator, subject.classpath().stream().map(Path::toString).toList()));
            Verdict verdict = check(classpath, forkArgs, binding, strategy, subject.selects(), applicable, preset,
                    dir).asPeer(subject.peer());
            if (jmm.covers(binding, strategy)) {
                verdict = verdict.with(jmm.run(jar, subject.classpath(), forkArgs, binding.layer(), subject.selects(),
                        dir));
            }
            out.printf("%s (%.0f s)%n", verdict.summary(), (System.nanoTime() - started) / 1e9);
            verdicts.add(verdict);
        }
        done.set(true);
        Runtime.getRuntime().removeShutdownHook(interrupted);
        String extra = parsed.values("--jvm-arg").stream().map(a -> " --jvm-arg=" + a).reduce("", String::concat);
        VerdictTable.print(verdicts, v -> reproduce(v, subjects, parsed.has("--full")) + extra, out);
        if (!writeResults(outDir, verdicts, preset, false, out)) {
            return 1;
        }
        out.println("verdicts: " + outDir.resolve(VERDICTS));
        out.println("junit:    " + outDir.resolve(JUNIT));
        out.println("sarif:    " + outDir.resolve(SARIF) + " (the race detector's findings, at their source lines)");
        out.println("reports:  " + outDir + "/<layer>/<strategy>/ (jcstress: html/index.html; chain: chain-*.txt; "
                + "races: jmm-races.txt)");
        return verdicts.stream().allMatch(Verdict::asExpected) ? 0 : 1;     // a peer has no expectation: always
    }

    /**
     * Writes the verdicts three ways: {@value #VERDICTS} (wakepath's own), {@value #JUNIT} (for CI servers) and
     * {@value #SARIF} (for code-scanning tools). Each is tried even when another failed.
     *
     * @return whether all three were written
     */
    private static boolean writeResults(Path outDir, List<Verdict> verdicts, CheckPreset preset, boolean interrupted,
                                        PrintStream out) {
        Map<String, Object> json = VerdictTable.toJson(verdicts, preset);
        json.put("interrupted", interrupted);
        boolean written = OutputFolder.write("check", outDir.resolve(VERDICTS), Json.write(json), out);
        written &= OutputFolder.write("check", outDir.resolve(JUNIT), JunitReport.of(verdicts), out);
        written &= OutputFolder.write("check", outDir.resolve(SARIF), SarifReport.of(verdicts), out);
        return written;
    }

    /** The command that runs a strategy's checks again. */
    private static String reproduce(Verdict v, List<Subject> subjects, boolean full) {
        String mode = full ? " --full" : "";
        return subjects.stream().filter(s -> s.strategy() == v.strategy()).findFirst()
                .flatMap(Subject::target)
                .map(t -> "./wakepath check" + mode + " --target " + t.spec()
                        + (t.classpath().isEmpty() ? "" : " --classpath " + t.joinedClasspath()))
                .orElse("./wakepath check" + mode + " --only '^" + v.strategy().info().id() + "$'");
    }

    private static Verdict check(String classpath, List<String> forkArgs, LayerBinding binding,
                                 Strategy strategy, String selects, List<Class<?>> tests, CheckPreset preset,
                                 Path dir) throws IOException, InterruptedException {
        List<String> jvmArgs = new ArrayList<>(forkArgs);
        jvmArgs.add("-D" + binding.property() + "=" + selects);
        List<TestResult> results = new ArrayList<>();
        // one jcstress run per set of options: the first reports under dir, the others under dir/litmus-N
        Map<List<String>, List<String>> byOptions = new LinkedHashMap<>();
        for (Class<?> test : tests) {
            byOptions.computeIfAbsent(binding.litmusOptions(test, preset.options, preset == CheckPreset.QUICK),
                    o -> new ArrayList<>()).add(test.getCanonicalName());
        }
        int run = 0;
        for (Map.Entry<List<String>, List<String>> group : byOptions.entrySet()) {
            Path reports = run++ == 0 ? dir : dir.resolve("litmus-" + run);
            Duration timeout = Duration.ofSeconds(120L + (long) preset.secondsPerTest * group.getValue().size());
            results.addAll(JcstressRun.run(classpath, group.getValue(), jvmArgs, preset, group.getKey(), reports,
                    timeout).results());
        }
        Optional<String> modelChecks = binding.modelChecks(strategy);
        if (modelChecks.isPresent()) {
            List<String> modelArgs = new ArrayList<>(ChildRun.LINCHECK_JVM_ARGS);
            modelArgs.addAll(jvmArgs);
            results.addAll(ChildRun.run("MODEL", classpath, modelChecks.get(), modelArgs, List.of(dir.toString()),
                    dir.resolve("model-console.txt"), MODEL_CHECK_TIMEOUT, Status.INCONCLUSIVE));
        }
        int cases = binding.chainCases(strategy).size();
        Duration chainTimeout = Duration.ofMillis(60_000 + cases * (preset.chainMillis * 2 + 8_000));
        List<String> chainArgs = new ArrayList<>(List.of("-Xss512k"));
        chainArgs.addAll(jvmArgs);
        results.addAll(ChildRun.run("CHAIN", classpath, binding.ownStress().orElse(ChainStress.class.getName()),
                chainArgs,
                List.of(binding.layer().id(), selects, Long.toString(preset.chainMillis), dir.toString()),
                dir.resolve("chain-console.txt"), chainTimeout, Status.HUNG));
        return new Verdict(strategy, results, dir);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--only is not a valid regular expression: " + e.getDescription());
        }
    }

    /** The jar this class runs from: jcstress forks its test VMs from it. */
    private static Path ownJar() {
        try {
            Path location = Path.of(StressCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("run StressCheck from jcstress.jar (found classes at " + location + ")");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every {@code @JCStressTest} class of wakepath in {@code jar}, by name: the {@code *Stress} classes and their
     * nested ones (the others are not loaded here: the wait-strategy adapter links against a Disruptor jar that only
     * a user's class path brings).
     */
    static List<Class<?>> litmusTests(Path jar) throws IOException {
        List<Class<?>> tests = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (!name.startsWith("io/wakepath/") || !name.endsWith(".class") || name.contains("_jcstress")
                        || !name.contains("Stress")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> type = Class.forName(className, false, StressCheck.class.getClassLoader());
                    if (type.isAnnotationPresent(JCStressTest.class)) {
                        tests.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + className + " from " + jar, e);
                }
            }
        }
        tests.sort((a, b) -> a.getName().compareTo(b.getName()));
        return tests;
    }
}
