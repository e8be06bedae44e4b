package io.wakepath.stress.harness;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailuresTest {

    @Test
    void shouldNameTheRootCauseOfAThrowable() {
        Exception e = new IllegalStateException("could not be made", new IllegalAccessError("no export"));
        assertEquals("IllegalAccessError: no export", Failures.reason(e));
    }

    @Test
    void shouldNameTheRootCauseOfAStackTraceInAJcstressReport() {
        List<String> lines = List.of(
                "  Messages:",
                "    Check test failed",
                "    java.lang.IllegalStateException: com.example.Ring could not be made",
                "    \tat io.wakepath.stress.Target.instantiate(Target.java:198)",
                "    Caused by: java.lang.IllegalAccessError: class org.agrona.UnsafeApi cannot access jdk.internal.misc",
                "    \tat org.agrona.UnsafeApi.getUnsafe(UnsafeApi.java)",
                "    \t... 8 more",
                "",
                "....... [ERROR] io.wakepath.ring.RingSizeStress",
                "    java.lang.OutOfMemoryError: not this one");
        assertEquals("IllegalAccessError: class org.agrona.UnsafeApi cannot access jdk.internal.misc",
                Failures.reason(lines));
    }

    @Test
    void shouldFallBackToTheFirstMessageWithoutAStackTrace() {
        assertEquals("Timeout waiting for tasks to complete: 30006 ms", Failures.reason(List.of(
                "  Messages:", "    Timeout waiting for tasks to complete: 30006 ms", "    Have stale threads")));
    }
}
