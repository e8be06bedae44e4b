package com.example.wakepath;

import io.wakepath.core.Json;
import io.wakepath.junit.CheckOutcome;
import io.wakepath.junit.WakepathCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JUnit 5 entry point as a user calls it from their own tests, on this module's classes (surefire gives it
 * {@code wakepath.home}: this checkout, built by the time the examples are tested). Each check is a real one:
 * {@code check --quick --target} in a VM of its own.
 */
class CheckFromJUnitTest {
    @Test
    void shouldFindTheCorrectRingClean() {
        WakepathCheck check = WakepathCheck.target("ring", SpscArrayRing.class);
        check.assertClean();
        CheckOutcome outcome = check.run();
        assertEquals("clean", outcome.verdict());
        assertTrue(outcome.results().size() > 3, "litmus tests, chain cases and the race detector ran: "
                + outcome.results());
        assertTrue(check.tests().allMatch(t -> passes(t)), "every dynamic test passes");
    }

    @Test
    void shouldFailOnTheBuggyRingWithWhatItSawAndHowToRunItAgain() throws Exception {
        WakepathCheck check = WakepathCheck.target("ring", EarlyPublishRing.class);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, check::assertClean);
        assertTrue(e.getMessage().startsWith("wakepath check of com.example.wakepath.EarlyPublishRing: RACE FOUND in "
                + "your class"), e.getMessage());
        assertTrue(e.getMessage().contains("reproduce: ./wakepath check --target ring=com.example.wakepath."
                + "EarlyPublishRing --classpath "), e.getMessage());

        List<DynamicTest> tests = check.tests().toList();      // the same run: a check runs once per instance
        List<String> failing = tests.stream().filter(t -> !passes(t)).map(DynamicTest::getDisplayName).toList();
        assertTrue(failing.contains("verdict"), "failing: " + failing);
        assertTrue(failing.contains("jmm:races"), "the race detector's catch is a failing test: " + failing);
        assertTrue(tests.size() > failing.size(), "what saw nothing passes");
        Path out = check.run().out();
        assertTrue(Integer.parseInt(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("junit.xml").toFile()).getDocumentElement().getAttribute("failures")) > 0,
                "junit.xml fails the class");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(Files.readString(out.resolve("races.sarif"))))
                .get("runs")).get(0);
        List<Map<?, ?>> atTheWrite = ((List<?>) run.get("results")).stream().<Map<?, ?>>map(r -> (Map<?, ?>) r)
                .filter(r -> "com/example/wakepath/EarlyPublishRing.java".equals(uri(r))).toList();
        assertFalse(atTheWrite.isEmpty(), "races.sarif places the race at the write in EarlyPublishRing.java: " + run);
        assertTrue(atTheWrite.stream().allMatch(r -> "error".equals(r.get("level")) && !r.containsKey("suppressions")),
                "a user's race is an error, not suppressed: " + atTheWrite);
    }

    /** A SARIF result's first location's file. */
    private static Object uri(Map<?, ?> result) {
        Map<?, ?> location = (Map<?, ?>) ((List<?>) result.get("locations")).get(0);
        return ((Map<?, ?>) ((Map<?, ?>) location.get("physicalLocation")).get("artifactLocation")).get("uri");
    }

    @Test
    void shouldRefuseAClassOfAnotherKindWithTheChecksReasonBeforeAnyCheckRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WakepathCheck.target("ring", ParkingWaitQueue.class).assertClean());
        assertTrue(e.getMessage().contains("does not implement io.wakepath.ring.Ring"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    private static boolean passes(DynamicTest test) {
        try {
            test.getExecutable().execute();
            return true;
        } catch (AssertionFailedError | org.opentest4j.TestAbortedException failed) {
            return false;
        } catch (Throwable other) {
            throw new AssertionError(test.getDisplayName() + " threw " + other, other);
        }
    }
}
