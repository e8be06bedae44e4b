package io.wakepath.ring;

import io.wakepath.core.UsageException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingStrategiesTest {

    @Test
    void shouldRegisterAtLeastSevenStrategiesWithUniqueKebabCaseIds() {
        List<RingStrategy> all = RingStrategies.REGISTRY.all();
        assertTrue(all.size() >= 7, "strategies: " + all);
        Set<String> ids = new HashSet<>();
        for (RingStrategy s : all) {
            assertTrue(s.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), s.id());
            assertTrue(ids.add(s.id()), "duplicate id " + s.id());
        }
    }

    @Test
    void shouldCoverEveryTopologyWithACorrectStrategyAndHaveABrokenOne() {
        for (Topology t : Topology.values()) {
            assertTrue(RingStrategies.REGISTRY.all().stream().anyMatch(s -> s.correct() && s.topology().covers(t)),
                    t.name());
        }
        RingStrategy broken = RingStrategies.REGISTRY.byId("broken-plain-publish");
        assertNotNull(broken.info().bugClass());
    }

    @Test
    void shouldBuildEverySupportedShapeAndRefuseTheOthersClearly() {
        for (RingStrategy s : RingStrategies.REGISTRY.all()) {
            for (RingConfig config : RingConfig.allShapes(4)) {
                if (s.capabilities().supports(config)) {
                    Ring ring = s.create(config);
                    assertEquals(config, ring.config());
                    assertEquals(s.info().implementation(), ring.getClass());
                } else {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.create(config),
                            s.id() + " must refuse " + config);
                    assertTrue(e.getMessage().startsWith(s.info().implementation().getSimpleName() + " does not support"),
                            e.getMessage());
                }
            }
        }
    }

    @Test
    void shouldNameTheKnownIdsForAnUnknownOne() {
        UsageException e = assertThrows(UsageException.class, () -> RingStrategies.REGISTRY.byId("no-such-ring"));
        assertTrue(e.getMessage().contains("spsc-release-acquire"), e.getMessage());
    }
}
