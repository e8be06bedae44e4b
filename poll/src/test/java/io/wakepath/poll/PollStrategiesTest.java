package io.wakepath.poll;

import io.wakepath.core.UsageException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollStrategiesTest {

    @Test
    void shouldRegisterAtLeastTwoCorrectAndTwoBrokenStrategies() {
        long correct = PollStrategies.REGISTRY.all().stream().filter(PollStrategy::correct).count();
        assertTrue(correct >= 2, "correct: " + correct);
        assertTrue(PollStrategies.REGISTRY.all().size() - correct >= 2);
        assertTrue(PollStrategies.REGISTRY.byId("broken-broad-readiness").info().bugClass().contains("broader than read"));
    }

    @Test
    void shouldMakeAnEngineOfTheRegisteredClass() {
        for (PollStrategy s : PollStrategies.REGISTRY.all()) {
            assertEquals(s.info().implementation(), s.create().getClass());
        }
    }

    @Test
    void shouldNameTheKnownIdsForAnUnknownOne() {
        UsageException e = assertThrows(UsageException.class, () -> PollStrategies.REGISTRY.byId("select"));
        assertTrue(e.getMessage().contains("locked-ready-list"), e.getMessage());
    }
}
