package io.wakepath.waitqueue;

import io.wakepath.core.UsageException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaitQueueStrategiesTest {

    @Test
    void shouldRegisterAtLeastSixCorrectAndThreeBrokenStrategies() {
        long correct = WaitQueueStrategies.REGISTRY.all().stream().filter(WaitQueueStrategy::correct).count();
        long broken = WaitQueueStrategies.REGISTRY.all().size() - correct;
        assertTrue(correct >= 6, "correct: " + correct);
        assertTrue(broken >= 3, "broken: " + broken);
    }

    @Test
    void shouldMakeAQueueOfTheRegisteredClass() {
        for (WaitQueueStrategy s : WaitQueueStrategies.REGISTRY.all()) {
            assertEquals(s.info().implementation(), s.create().getClass());
        }
    }

    @Test
    void shouldNameTheKnownIdsForAnUnknownOne() {
        UsageException e = assertThrows(UsageException.class, () -> WaitQueueStrategies.REGISTRY.byId("nope"));
        assertTrue(e.getMessage().contains("kernel-style"), e.getMessage());
    }

    @Test
    void shouldRefuseANegativeTimeout() {
        WaitQueue q = WaitQueueStrategies.REGISTRY.byId("kernel-style").create();
        assertThrows(IllegalArgumentException.class, () -> q.waitEventTimeout(() -> true, -5));
        assertThrows(IllegalArgumentException.class, () -> q.wait(() -> true, false, false, -7));
    }
}
