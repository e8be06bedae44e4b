package io.wakepath.stress;

import io.wakepath.core.Strategy;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;

import java.nio.file.Path;
import java.util.List;

/**
 * What a strategy's results mean. A correct strategy (and a user's class, which is expected to be correct) must come
 * out clean: every applicable test and case ran and saw nothing forbidden. A broken one must be caught: at least one
 * saw something forbidden. Anything else (a race in a correct strategy, a broken one that slipped through, an error, a
 * hang, a strategy nothing applies to) is unexpected and fails the run. An {@code INCONCLUSIVE} result is no verdict
 * either way: the strategy is judged by the others, and the summary says what could not be decided; a strategy that
 * no checker could decide is inconclusive as a whole (unexpected: nothing was shown).
 *
 * @param strategy the strategy
 * @param results  jcstress tests, model checks ({@code model:*}) and chain-stress cases ({@code chain:*})
 * @param dir      where its reports are (jcstress HTML under {@code html/}, consoles, chain reports, hang stacks)
 */
record Verdict(Strategy strategy, List<TestResult> results, Path dir, boolean peer) {

    Verdict(Strategy strategy, List<TestResult> results, Path dir) {
        this(strategy, results, dir, false);
    }

    /** The same verdict with more results (another checker's). */
    Verdict with(List<TestResult> more) {
        List<TestResult> all = new java.util.ArrayList<>(results);
        all.addAll(more);
        return new Verdict(strategy, List.copyOf(all), dir, peer);
    }

    /** The same results, of a peer ({@code check --peers}): shown as found, with no expected verdict. */
    Verdict asPeer(boolean isPeer) {
        return new Verdict(strategy, results, dir, isPeer);
    }

    boolean correctStrategy() {
        return strategy.info().correct();
    }

    /** A class given with --target: named by its class, where registry ids are kebab-case. */
    boolean usersClass() {
        return strategy.info().id().equals(strategy.info().implementation().getName());
    }

    boolean any(Status s) {
        return results.stream().anyMatch(r -> r.status() == s);
    }

    private boolean troubled() {
        return any(Status.ERROR) || any(Status.HUNG) || any(Status.NOT_RUN) || decided() == 0;
    }

    /** Results that are a verdict on the class: everything but the inconclusive ones. */
    private long decided() {
        return results.stream().filter(r -> r.status() != Status.INCONCLUSIVE).count();
    }

    private String inconclusiveNote() {
        long n = results.size() - decided();
        return n == 0 ? "" : " (" + n + " inconclusive: a checker could not decide)";
    }

    boolean asExpected() {
        if (peer) {
            return true;
        }
        if (troubled()) {
            return false;
        }
        return correctStrategy() != any(Status.FAILED);
    }

    /** A few words for the table: clean, caught, or what went wrong. */
    String summary() {
        if (results.isEmpty()) {
            return "UNTESTED: nothing applies";
        }
        if (decided() == 0) {
            return "INCONCLUSIVE: no checker could decide";
        }
        if (any(Status.HUNG)) {
            return "HUNG (stacks under " + dir + ")";
        }
        if (any(Status.ERROR) || any(Status.NOT_RUN)) {
            return "ERROR (see " + dir + ")";
        }
        if (peer) {
            return any(Status.FAILED) ? "FOUND: " + results.stream().filter(r -> r.status() == Status.FAILED).count()
                    + " propert" + (results.stream().filter(r -> r.status() == Status.FAILED).count() == 1 ? "y" : "ies")
                    + " broken (see below)" : "clean" + inconclusiveNote();
        }
        if (correctStrategy()) {
            return any(Status.FAILED) ? "RACE FOUND in " + (usersClass() ? "your class" : "a correct strategy")
                    : "clean" + inconclusiveNote();
        }
        return any(Status.FAILED) ? "caught" : "NOT CAUGHT: broken strategy passed everything" + inconclusiveNote();
    }

    /** A table cell for {@code result}: pass, CAUGHT (broken, as expected), RACE (correct, unexpected), ... */
    String cell(TestResult result) {
        return switch (result.status()) {
            case OK -> "pass";
            case INCONCLUSIVE -> "INCONC";
            case FAILED -> peer ? "FOUND" : correctStrategy() ? "RACE" : "CAUGHT";
            case ERROR -> "ERROR";
            case NOT_RUN -> "NOTRUN";
            case HUNG -> "HUNG";
        };
    }
}
