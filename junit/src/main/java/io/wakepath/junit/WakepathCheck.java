package io.wakepath.junit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code wakepath check --target} on your class, from your own {@code mvn test}: the same catalogue (jcstress litmus
 * tests, model checks, the many-reader chain stress, the happens-before race detector) run by the same jar as the
 * command, in a VM of its own, with its verdict handed to JUnit 5.
 *
 * <pre>{@code
 * @Test
 * void myRingHasNoRace() {
 *     WakepathCheck.target("ring", MyRing.class).assertClean();
 * }
 *
 * @TestFactory                                  // one test per litmus test, model check, chain case, race run
 * Stream<DynamicTest> myQueue() {
 *     return WakepathCheck.target("queue", MyQueue.class).topology("spsc").tests();
 * }
 * }</pre>
 *
 * <p>It needs a built wakepath checkout ({@code ./mvnw package}), named by the system property {@code wakepath.home}
 * (surefire's {@code systemPropertyVariables}) or the environment variable {@code WAKEPATH_HOME}, and a test VM on
 * Java 21 or later. The class is found where it was loaded from (your {@code target/classes}); a library it needs
 * goes in with {@link #classpath}. Reports, {@code verdicts.json}, {@code junit.xml} and {@code races.sarif} land in
 * {@code target/wakepath/check/<class>/} (or {@link #out}). Bad input (a kind that does not exist, a class that does
 * not implement the kind) is an {@link IllegalArgumentException} with the check's one-line reason, before any check
 * runs. A class no checker could decide is reported as aborted (JUnit's "skipped"), with the reasons, not as clean.
 *
 * <p>One instance runs its check once, on first use; each call to {@code target} is a new check.
 */
public final class WakepathCheck {
    private final String kind;
    private final Class<?> type;
    private final List<Path> classpath = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private String topology;
    private boolean full;
    private Path out;
    private Duration timeout = Duration.ofMinutes(30);
    private CheckOutcome outcome;

    private WakepathCheck(String kind, Class<?> type) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        location(type).ifPresent(classpath::add);
    }

    /**
     * A check of {@code type} as {@code kind}: {@code ring}, {@code waitqueue}, {@code poll} (our interfaces), or
     * {@code queue}, {@code blocking-queue}, {@code wait-strategy} (a {@code java.util.Queue}, a
     * {@code BlockingQueue}, a Disruptor {@code WaitStrategy}: no adapter). {@code ./wakepath check --help} lists
     * what each kind needs.
     */
    public static WakepathCheck target(String kind, Class<?> type) {
        return new WakepathCheck(kind, type);
    }

    /** For {@code queue} and {@code blocking-queue}: {@code spsc}, {@code mpsc}, {@code spmc} or {@code mpmc}. */
    public WakepathCheck topology(String topology) {
        this.topology = Objects.requireNonNull(topology, "topology");
        return this;
    }

    /** Jars or folders the class needs beyond the one it was loaded from (a library it uses). */
    public WakepathCheck classpath(Path... entries) {
        classpath.addAll(List.of(entries));
        return this;
    }

    /** An option for every VM the check starts ({@code --jvm-arg}), e.g. {@code -XX:-UseCompressedOops}. */
    public WakepathCheck jvmArg(String arg) {
        jvmArgs.add(Objects.requireNonNull(arg, "arg"));
        return this;
    }

    /** The long run ({@code --full}): every JVM configuration of jcstress, 10 s chain cases. Default: {@code --quick}. */
    public WakepathCheck full() {
        this.full = true;
        return this;
    }

    /** Where the results go; default {@code target/wakepath/check/<class name>}. */
    public WakepathCheck out(Path dir) {
        this.out = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** The bound on the whole run (every check inside it is bounded too); default 30 minutes. */
    public WakepathCheck timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** Runs the check (once) and returns its outcome. @throws IllegalArgumentException on bad input, with the reason */
    public synchronized CheckOutcome run() {
        if (outcome == null) {
            Path dir = (out != null ? out : Path.of("target", "wakepath", "check", type.getName())).toAbsolutePath();
            try {
                CheckProcess.Ended ended = CheckProcess.run(CheckProcess.jar(), arguments(dir),
                        dir.resolve("console.txt"), timeout);
                List<String> console = ended.lines();
                console.forEach(System.out::println);
                if (ended.exitCode() == 2) {
                    throw new IllegalArgumentException(console.isEmpty() ? "wakepath check: bad input (exit 2)"
                            : console.get(console.size() - 1));
                }
                if (ended.exitCode() != 0 && ended.exitCode() != 1) {
                    throw new IllegalStateException("wakepath check failed (exit " + ended.exitCode() + "); its output: "
                            + ended.console());
                }
                outcome = CheckOutcome.read(dir, console);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while wakepath check ran", e);
            }
        }
        return outcome;
    }

    /** Fails unless the class came out clean; aborts (skipped, with the reasons) when no checker could decide. */
    public void assertClean() {
        CheckOutcome o = run();
        Assumptions.assumeFalse(o.inconclusive(), o::failureMessage);
        if (!o.clean()) {
            Assertions.fail(o.failureMessage());
        }
    }

    /**
     * One dynamic test per result (a litmus test, a model check, a chain case, the race detector), and a last one,
     * {@code verdict}: a race, a hang or an error fails its test; an inconclusive result is aborted with its reason.
     */
    public Stream<DynamicTest> tests() {
        CheckOutcome o = run();
        Stream<DynamicTest> each = o.results().stream().map(r -> DynamicTest.dynamicTest(r.test(), () -> {
            Assumptions.assumeFalse(r.status().equals("INCONCLUSIVE"), r::message);
            if (!r.status().equals("OK")) {
                Assertions.fail(r.message() + "\nreports: " + o.reports());
            }
        }));
        return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("verdict", this::assertClean)));
    }

    /** The check's command line, as {@code ./wakepath check} takes it. */
    List<String> arguments(Path dir) {
        List<String> args = new ArrayList<>(List.of(full ? "--full" : "--quick", "--target", kind + "=" + type.getName()));
        if (topology != null) {
            args.addAll(List.of("--topology", topology));
        }
        if (!classpath.isEmpty()) {
            args.addAll(List.of("--classpath", String.join(File.pathSeparator,
                    classpath.stream().map(p -> p.toAbsolutePath().toString()).toList())));
        }
        jvmArgs.forEach(a -> args.add("--jvm-arg=" + a));
        args.addAll(List.of("--out", dir.toString()));
        return args;
    }

    /** The jar or folder {@code type} was loaded from; none for the JDK's own classes. */
    private static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot tell where " + type.getName() + " was loaded from: "
                    + source.getLocation(), e);
        }
    }
}
