package io.wakepath.stress;

import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;

import java.util.List;

/**
 * {@code check}'s verdicts as JUnit XML (the Ant schema CI servers read: Jenkins, GitLab, GitHub test reporters), so
 * a CI job shows them without parsing wakepath's own output. A test suite per strategy ({@code layer.id}), a test case
 * per result (a litmus test, a model check, a chain case, the race detector), and a last case, {@code verdict}, that fails
 * when the strategy's verdict is not the expected one.
 *
 * <p>The file fails where the run fails (exit 1), nowhere else: in a correct strategy or a user's class a forbidden
 * outcome is a {@code <failure>}; in a broken strategy it is the catch that is expected, so the case passes and says
 * what it caught in its output (a broken strategy nothing caught fails in its {@code verdict} case); a hang, an error
 * or a check that did not run is an {@code <error>}; an inconclusive result is {@code <skipped>}, with the reason. A
 * peer ({@code --peers}) has no expected verdict: its findings are shown as output, never as failures.
 */
final class JunitReport {
    private JunitReport() {
    }

    static String of(List<Verdict> verdicts) {
        StringBuilder suites = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (Verdict v : verdicts) {
            String suite = v.strategy().info().layer().id() + "." + v.strategy().info().id();
            StringBuilder cases = new StringBuilder();
            int f = 0;
            int e = 0;
            int s = 0;
            for (TestResult r : v.results()) {
                String body = body(v, r);
                f += body.startsWith("<failure") ? 1 : 0;
                e += body.startsWith("<error") ? 1 : 0;
                s += body.startsWith("<skipped") ? 1 : 0;
                testCase(cases, suite, r.test(), body);
            }
            String verdictBody = v.asExpected() ? out(v.summary())
                    : "<failure type=\"verdict\" message=\"" + escape(v.summary()) + "\"/>";
            f += v.asExpected() ? 0 : 1;
            testCase(cases, suite, "verdict", verdictBody);
            int n = v.results().size() + 1;
            suites.append("  <testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(n)
                    .append("\" failures=\"").append(f).append("\" errors=\"").append(e).append("\" skipped=\"")
                    .append(s).append("\">\n")
                    .append("    <properties>\n")
                    .append(property("expected", v.peer() ? "none (a peer)" : v.correctStrategy() ? "clean" : "caught"))
                    .append(v.correctStrategy() ? "" : property("bug class", v.strategy().info().bugClass()))
                    .append(property("reports", v.dir().toString()))
                    .append("    </properties>\n")
                    .append(cases)
                    .append("  </testsuite>\n");
            tests += n;
            failures += f;
            errors += e;
            skipped += s;
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"wakepath check\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\">\n" + suites + "</testsuites>\n";
    }

    /** What a result's test case holds: a failure, an error, skipped, or (passing) what it saw as output. */
    private static String body(Verdict v, TestResult r) {
        String saw = r.saw() == null ? "" : r.saw();
        String detail = r.status() + (saw.isEmpty() ? "" : ": " + saw) + (r.samples() > 0 ? " (" + r.samples()
                + " samples, " + r.forbiddenSamples() + " forbidden)" : "");
        if (v.peer()) {
            return out(r.status() == Status.FAILED ? "FOUND: " + saw : detail);
        }
        return switch (r.status()) {
            case OK -> "";
            case INCONCLUSIVE -> "<skipped message=\"" + escape(saw.isEmpty() ? "inconclusive" : saw) + "\"/>";
            case FAILED -> v.correctStrategy()
                    ? "<failure type=\"RACE\" message=\"" + escape(saw) + "\">" + escape(detail) + "</failure>"
                    : out("CAUGHT: " + detail);
            case HUNG, ERROR, NOT_RUN -> "<error type=\"" + r.status() + "\" message=\"" + escape(saw) + "\">"
                    + escape(detail + "; reports: " + v.dir()) + "</error>";
        };
    }

    private static void testCase(StringBuilder cases, String suite, String name, String body) {
        cases.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(name))
                .append('"');
        if (body.isEmpty()) {
            cases.append("/>\n");
        } else {
            cases.append(">").append(body).append("</testcase>\n");
        }
    }

    private static String out(String text) {
        return "<system-out>" + escape(text) + "</system-out>";
    }

    private static String property(String name, String value) {
        return "      <property name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"/>\n";
    }

    /** Text fit for an XML attribute or element: the five entities, and no character XML 1.0 forbids. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\t', '\r' -> out.append(c);
                default -> out.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '?' : c);
            }
        }
        return out.toString();
    }
}
