package io.wakepath.stress;

import io.wakepath.core.CommandLine;
import io.wakepath.core.Json;
import io.wakepath.core.Strategy;
import io.wakepath.core.UsageException;
import io.wakepath.stress.JcstressRun.TestResult;
import org.openjdk.jcstress.annotations.JCStressTest;

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
 * Runs the jcstress litmus catalogue of every layer, and the model checks where a layer has them, against every
 * registered strategy and prints one verdict per strategy: correct ones must be clean, broken ones must be caught. Exit 0 when every verdict is as expected, 1
 * otherwise. {@code ./wakepath test} runs it with the {@code ci} preset.
 *
 * <pre>java -cp stress-tests/target/jcstress.jar io.wakepath.stress.StressCheck --preset quick --only 'spsc-.*'</pre>
 */
public final class StressCheck {
    static final CommandLine OPTIONS = new CommandLine("stress",
            "jcstress litmus catalogue on every strategy: correct ones must be clean, broken ones caught")
            .option("--only", "REGEX", "only the strategies whose id matches REGEX")
            .option("--preset", "NAME", "ci (about 1.5 s a test, the default), quick (jcstress -m quick) or full")
            .option("--out", "DIR", "where reports and verdicts.json go (default target/wakepath/stress)");

    private static final Duration MODEL_CHECK_TIMEOUT = Duration.ofMinutes(4);
    private static final List<LitmusCatalogue> CATALOGUES =
            List.of(new RingCatalogue(), new WaitQueueCatalogue(), new PollCatalogue());

    private StressCheck() {
    }

    public static void main(String[] args) throws Exception {
        CommandLine.exit(() -> run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws IOException, InterruptedException {
        CommandLine.Parsed parsed = OPTIONS.parse(args);
        if (parsed.helpRequested()) {
            OPTIONS.printHelp(out);
            return 0;
        }
        Pattern only = compile(parsed.value("--only").orElse(".*"));
        JcstressPreset preset = JcstressPreset.byName(parsed.value("--preset").orElse("ci"));
        Path outDir = Path.of(parsed.value("--out").orElse("target/wakepath/stress")).toAbsolutePath();
        Path jar = ownJar();
        List<Class<?>> tests = litmusTests(jar);
        if (tests.isEmpty()) {
            throw new IllegalStateException(jar + " holds no @JCStressTest classes: was it built with <proc>full</proc>?");
        }

        List<Verdict> verdicts = new ArrayList<>();
        for (LitmusCatalogue catalogue : CATALOGUES) {
            List<? extends Strategy> strategies = catalogue.strategies().stream()
                    .filter(s -> only.matcher(s.info().id()).matches()).toList();
            for (Strategy strategy : strategies) {
                List<String> applicable = tests.stream()
                        .filter(t -> catalogue.covers(t) && catalogue.applies(t, strategy))
                        .map(Class::getCanonicalName).toList();
                out.printf("[%d] %s %s: %d litmus tests, preset %s ... ", verdicts.size() + 1,
                        catalogue.layer().id(), strategy.info().id(), applicable.size(), preset.name().toLowerCase());
                out.flush();
                long started = System.nanoTime();
                Verdict verdict = check(jar, catalogue, strategy, applicable, preset, outDir);
                out.printf("%s (%.0f s)%n", verdict.summary(), (System.nanoTime() - started) / 1e9);
                verdicts.add(verdict);
            }
        }
        if (verdicts.isEmpty()) {
            throw new UsageException("no strategy id matches --only " + only.pattern() + " (see: wakepath list)");
        }
        VerdictTable.print(verdicts, out);
        Path json = outDir.resolve("verdicts.json");
        Files.writeString(json, Json.write(VerdictTable.toJson(verdicts, preset)));
        out.println("verdicts: " + json);
        out.println("jcstress reports: " + outDir + "/<layer>/<strategy>/html/index.html");
        return verdicts.stream().allMatch(Verdict::asExpected) ? 0 : 1;
    }

    private static Verdict check(Path jar, LitmusCatalogue catalogue, Strategy strategy, List<String> tests,
                                 JcstressPreset preset, Path outDir) throws IOException, InterruptedException {
        if (tests.isEmpty()) {
            return new Verdict(strategy, List.of(), null);
        }
        String selects = "-D" + catalogue.property() + "=" + strategy.info().id();
        Path dir = outDir.resolve(catalogue.layer().id()).resolve(strategy.info().id());
        Duration timeout = Duration.ofSeconds(120L + (long) preset.secondsPerTest * tests.size());
        JcstressRun.Outcome outcome = JcstressRun.run(jar, tests, List.of("--enable-native-access=ALL-UNNAMED",
                selects), preset, catalogue.options(preset), dir, timeout);
        List<TestResult> results = new ArrayList<>(outcome.results());
        Optional<String> modelChecks = catalogue.modelChecks(strategy);
        if (modelChecks.isPresent()) {
            results.addAll(ModelCheckRun.run(jar, modelChecks.get(), List.of(selects), dir, MODEL_CHECK_TIMEOUT));
        }
        return new Verdict(strategy, results, outcome);
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

    /** Every {@code @JCStressTest} class of wakepath in {@code jar}, by name. */
    static List<Class<?>> litmusTests(Path jar) throws IOException {
        List<Class<?>> tests = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (!name.startsWith("io/wakepath/") || !name.endsWith(".class") || name.contains("_jcstress")) {
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

    static Map<String, Object> summary(TestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", r.test());
        m.put("status", r.status().name());
        m.put("samples", r.samples());
        m.put("forbiddenSamples", r.forbiddenSamples());
        m.put("forbiddenOutcomes", r.forbidden());
        return m;
    }
}
