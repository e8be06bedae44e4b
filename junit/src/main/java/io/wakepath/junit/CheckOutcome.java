package io.wakepath.junit;

import io.wakepath.core.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The verdict {@code wakepath check} gave a user's class, read from the {@code verdicts.json} it wrote.
 *
 * @param className the class checked
 * @param verdict   the check's words for it: {@code clean}, {@code RACE FOUND in your class}, {@code HUNG (...)}, ...
 * @param clean     whether it came out clean (it is a user's class: clean is what is expected)
 * @param results   one per litmus test, model check, chain case and race-detector run
 * @param reports   where the check's reports on it are (jcstress HTML, consoles, chain reports, hang stacks)
 * @param out       the folder with {@code verdicts.json}, {@code junit.xml}, {@code races.sarif} and the console
 * @param reproduce the command line that runs the same check again
 */
public record CheckOutcome(String className, String verdict, boolean clean, List<Result> results, Path reports,
                           Path out, String reproduce) {

    /**
     * One checker's result, as the check reported it.
     *
     * @param test   its name: a litmus test's class, {@code model:...}, {@code chain:...}, {@code jmm:...}
     * @param status {@code OK}, {@code FAILED}, {@code INCONCLUSIVE}, {@code HUNG}, {@code ERROR} or {@code NOT_RUN}
     * @param saw    what it saw: the forbidden outcome, the race, the hang, or why it could not decide
     */
    public record Result(String test, String status, String saw, long samples, long forbiddenSamples) {
        /** A JUnit failure message for a result that fails, or why it was not decided; empty for a pass. */
        String message() {
            String counts = samples > 0 ? " (" + samples + " samples, " + forbiddenSamples + " forbidden)" : "";
            return switch (status) {
                case "OK" -> "";
                case "FAILED" -> "RACE: " + saw + counts;
                default -> status + (saw.isEmpty() ? "" : ": " + saw) + counts;
            };
        }
    }

    /** Whether no checker could decide anything: no verdict either way. */
    public boolean inconclusive() {
        return !results.isEmpty() && results.stream().allMatch(r -> r.status().equals("INCONCLUSIVE"));
    }

    /** The outcome in {@code out}'s {@code verdicts.json}, of a run that checked one class and printed {@code console}. */
    static CheckOutcome read(Path out, List<String> console) throws IOException {
        Path file = out.resolve("verdicts.json");
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<?> strategies = (List<?>) json.get("strategies");
        if (strategies.size() != 1) {
            throw new IllegalStateException(file + " holds " + strategies.size() + " verdicts, not one");
        }
        Map<?, ?> row = (Map<?, ?>) strategies.get(0);
        List<Result> results = ((List<?>) row.get("tests")).stream().map(t -> (Map<?, ?>) t)
                .map(t -> new Result((String) t.get("test"), (String) t.get("status"),
                        t.get("saw") == null ? "" : (String) t.get("saw"), number(t.get("samples")),
                        number(t.get("forbiddenSamples"))))
                .toList();
        return new CheckOutcome((String) row.get("id"), (String) row.get("verdict"),
                Boolean.TRUE.equals(row.get("asExpected")), results, Path.of((String) row.get("reports")), out,
                console.stream().map(String::strip).filter(l -> l.startsWith(REPRODUCE)).findFirst()
                        .map(l -> l.substring(REPRODUCE.length()).strip()).orElse("(see " + out + ")"));
    }

    private static final String REPRODUCE = "reproduce:";

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** What a failed assertion says: the verdict, each result that is not a pass, and where to look. */
    String failureMessage() {
        String lines = results.stream().filter(r -> !r.status().equals("OK"))
                .map(r -> "  " + r.test() + ": " + r.message()).collect(Collectors.joining("\n"));
        return "wakepath check of " + className + ": " + verdict + (lines.isEmpty() ? "" : "\n" + lines)
                + "\nreports: " + reports + "\nreproduce: " + reproduce;
    }
}
