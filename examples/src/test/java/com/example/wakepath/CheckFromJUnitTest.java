package com.example.wakepath;

import io.wakepath.junit.CheckOutcome;
import io.wakepath.junit.WakepathCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.util.List;

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
    void shouldFailOnTheBuggyRingWithWhatItSawAndHowToRunItAgain() {
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
        assertTrue(Files.isRegularFile(check.run().out().resolve("junit.xml")));
        assertTrue(Files.isRegularFile(check.run().out().resolve("races.sarif")));
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
