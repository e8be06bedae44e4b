package io.wakepath.stress;

import io.wakepath.core.Strategy;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;

import java.util.List;

/**
 * What a strategy's litmus results mean. A correct strategy must come out clean: every applicable test ran and saw no
 * forbidden outcome. A broken one must be caught: at least one test saw a forbidden outcome. Anything else (a race in
 * a correct strategy, a broken one that slipped through, an error, a hang, a strategy no test applies to) is
 * unexpected and fails the run.
 *
 * @param strategy the strategy
 * @param results  one per applicable test
 * @param report   where its jcstress output is
 */
record Verdict(Strategy strategy, List<TestResult> results, JcstressRun.Outcome report) {

    boolean correctStrategy() {
        return strategy.info().correct();
    }

    private boolean any(Status s) {
        return results.stream().anyMatch(r -> r.status() == s);
    }

    private boolean troubled() {
        return any(Status.ERROR) || any(Status.HUNG) || any(Status.NOT_RUN) || results.isEmpty();
    }

    boolean asExpected() {
        if (troubled()) {
            return false;
        }
        return correctStrategy() != any(Status.FAILED);
    }

    /** One word for the table: clean, caught, or what went wrong. */
    String summary() {
        if (results.isEmpty()) {
            return "UNTESTED: no litmus test applies";
        }
        if (any(Status.HUNG)) {
            return "HUNG (stacks: " + report.hangStacks() + ")";
        }
        if (any(Status.ERROR) || any(Status.NOT_RUN)) {
            return "ERROR (see " + report.console() + ")";
        }
        if (correctStrategy()) {
            return any(Status.FAILED) ? "RACE FOUND in a correct strategy" : "clean";
        }
        return any(Status.FAILED) ? "caught" : "NOT CAUGHT: broken strategy passed every test";
    }

    /** A table cell for {@code result}: pass, CAUGHT (broken, as expected), RACE (correct, unexpected), ... */
    String cell(TestResult result) {
        return switch (result.status()) {
            case OK -> "pass";
            case FAILED -> correctStrategy() ? "RACE" : "CAUGHT";
            case ERROR -> "ERROR";
            case NOT_RUN -> "NOTRUN";
            case HUNG -> "HUNG";
        };
    }
}
