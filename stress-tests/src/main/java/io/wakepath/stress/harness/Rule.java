package io.wakepath.stress.harness;

import java.util.List;

/**
 * One rule of a layer's contract, what checks it, and what proves the check can fail: a row of the layer's rule table
 * ({@link LayerBinding#rules()}, printed in {@code docs/ARCHITECTURE.md}). {@code check} says, for a class it checked,
 * which rules its runs exercised.
 *
 * @param id         short and stable, {@code layer.name}
 * @param says       the rule, in a sentence
 * @param source     where the rule comes from (an interface's Javadoc, wait.h, eventpoll.c, epoll(7), ...)
 * @param properties the checks that test it: a litmus test ({@code RingWrapStress}, or one of its nested tests
 *                   {@code RingWrapStress.DropNewest}), a chain or own-stress case ({@code chain:1-timed}, or
 *                   {@code chain:*} for every case: the ledger and the eight checks judge them all), a model check
 *                   ({@code model:wakeup}) or the race detector ({@code jmm:races})
 * @param killers    the broken strategies (registry ids) and example mutants (class names under {@code examples/},
 *                   {@code mutants.X} for those in the mutants package) that a property of this rule catches
 */
public record Rule(String id, String says, String source, List<String> properties, List<String> killers) {

    public Rule {
        properties = List.copyOf(properties);
        killers = List.copyOf(killers);
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " names no property");
        }
    }

    /** Whether the result named {@code test} (a table column: a test's short name, {@code chain:...}) checks it. */
    public boolean checkedBy(String test) {
        for (String p : properties) {
            if (test.equals(p) || test.startsWith(p + ".")
                    || p.endsWith(":*") && test.startsWith(p.substring(0, p.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** A layer's rule table in Markdown, as {@code docs/ARCHITECTURE.md} prints it. */
    public static String markdown(List<Rule> rules) {
        StringBuilder md = new StringBuilder("| rule | says | from | checked by | fails on |\n|---|---|---|---|---|\n");
        for (Rule r : rules) {
            md.append("| `").append(r.id()).append("` | ").append(r.says()).append(" | ").append(r.source())
                    .append(" | ").append(codes(r.properties())).append(" | ")
                    .append(r.killers().isEmpty() ? "no variant yet" : codes(r.killers())).append(" |\n");
        }
        return md.toString();
    }

    private static String codes(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }
}
