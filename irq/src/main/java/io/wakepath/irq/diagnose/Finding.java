package io.wakepath.irq.diagnose;

import java.util.List;

/**
 * The verdict of one check on one run, with the evidence it rests on (counts from the ledger and the oracle, and for a
 * hang or lost wakeup the stuck threads' stacks).
 */
public record Finding(Check check, Check.Outcome outcome, String summary, List<String> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }

    static Finding pass(Check check, String summary, List<String> evidence) {
        return new Finding(check, Check.Outcome.PASS, summary, evidence);
    }

    static Finding warn(Check check, String summary, List<String> evidence) {
        return new Finding(check, Check.Outcome.WARN, summary, evidence);
    }

    static Finding fail(Check check, String summary, List<String> evidence) {
        return new Finding(check, Check.Outcome.FAIL, summary, evidence);
    }
}
