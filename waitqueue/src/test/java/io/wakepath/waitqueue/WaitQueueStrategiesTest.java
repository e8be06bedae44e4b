package io.wakepath.waitqueue;

import io.wakepath.core.UsageException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitQueueStrategiesTest {

    @Test
    void shouldRegisterAtLeastSixCorrectAndThreeBrokenStrategies() {
        long correct = WaitQueueStrategies.all().stream().filter(WaitQueueStrategy::correct).count();
        long broken = WaitQueueStrategies.all().size() - correct;
        assertTrue(correct >= 6, "correct: " + correct);
        assertTrue(broken >= 3, "broken: " + broken);
    }

    @Test
    void shouldMakeAQueueOfTheRegisteredClass() {
        for (WaitQueueStrategy s : WaitQueueStrategies.all()) {
            assertEquals(s.info().implementation(), s.create().getClass());
        }
    }

    @Test
    void shouldNameTheKnownIdsForAnUnknownOne() {
        UsageException e = assertThrows(UsageException.class, () -> WaitQueueStrategies.byId("nope"));
        assertTrue(e.getMessage().contains("kernel-style"), e.getMessage());
    }

    @Test
    void shouldRefuseANegativeTimeout() {
        WaitQueue q = WaitQueueStrategies.byId("kernel-style").create();
        assertThrows(IllegalArgumentException.class, () -> q.waitEventTimeout(() -> true, -5));
        assertThrows(IllegalArgumentException.class, () -> q.wait(() -> true, false, false, -7));
    }
}
