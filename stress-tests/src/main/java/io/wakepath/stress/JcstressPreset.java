package io.wakepath.stress;

import io.wakepath.core.UsageException;

import java.util.List;

/**
 * How hard jcstress works on each test. Every preset forks test VMs and runs each applicable test of a strategy in
 * one jcstress invocation; they differ in JVM configurations, forks and time.
 */
enum JcstressPreset {
    /**
     * One JVM configuration (default tiered JIT), no split compilation, one fork of 2 x 200 ms: about 1.5 s a test.
     * Enough to catch every broken variant of the catalogue on 2 CPUs (their bad outcomes show in every run);
     * what {@code ./wakepath test} uses.
     */
    CI(true, List.of("-sc", "false", "-f", "1", "-fsm", "1", "-iters", "2", "-time", "200"), 30),
    /** jcstress's own {@code -m quick}: every JVM configuration (interpreter, C1, C2, C2 stress), split compilation. */
    QUICK(false, List.of("-m", "quick"), 90),
    /** jcstress's {@code -m default}: the long run, for a release or a suspicious change. */
    FULL(false, List.of("-m", "default"), 600);

    /** With {@code -jvmArgs} jcstress runs only the JVM configuration given; otherwise it adds its own variants. */
    final boolean singleJvmConfig;
    final List<String> options;
    /** Upper bound on one test's wall time, for the hang watchdog. */
    final int secondsPerTest;

    JcstressPreset(boolean singleJvmConfig, List<String> options, int secondsPerTest) {
        this.singleJvmConfig = singleJvmConfig;
        this.options = options;
        this.secondsPerTest = secondsPerTest;
    }

    static JcstressPreset byName(String name) {
        for (JcstressPreset p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new UsageException("unknown preset '" + name + "' (known: ci, quick, full)");
    }
}
