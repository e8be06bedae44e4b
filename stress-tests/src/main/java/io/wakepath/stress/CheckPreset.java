package io.wakepath.stress;

import java.util.List;

/**
 * How hard {@code wakepath check} works: jcstress on each litmus test (every preset forks test VMs and runs the tests
 * of a strategy in one invocation; they differ in JVM configurations, forks and time), and the chain stress on each
 * case.
 */
enum CheckPreset {
    /**
     * One JVM configuration (default tiered JIT), no split compilation, one fork of 2 x 200 ms: about 1.5 s a test;
     * chain cases of 1 s. Enough to catch every broken variant of the catalogue on 2 CPUs (their bad outcomes show
     * in every run): {@code ./wakepath check --quick} and {@code ./wakepath test}.
     */
    QUICK(true, List.of("-sc", "false", "-f", "1", "-fsm", "1", "-iters", "2", "-time", "200"), 30, 1_000),
    /**
     * jcstress's own {@code -m quick}: every JVM configuration (interpreter, C1, C2, C2 stress), split compilation,
     * about 25 s a test here; chain cases of 10 s. The long run, for a release or a suspicious change.
     */
    FULL(false, List.of("-m", "quick"), 120, 10_000);

    /** With {@code -jvmArgs} jcstress runs only the JVM configuration given; otherwise it adds its own variants. */
    final boolean singleJvmConfig;
    final List<String> options;
    /** Upper bound on one test's wall time, for the hang watchdog. */
    final int secondsPerTest;
    /** How long samples arrive in each chain-stress case. */
    final long chainMillis;

    CheckPreset(boolean singleJvmConfig, List<String> options, int secondsPerTest, long chainMillis) {
        this.singleJvmConfig = singleJvmConfig;
        this.options = options;
        this.secondsPerTest = secondsPerTest;
        this.chainMillis = chainMillis;
    }
}
