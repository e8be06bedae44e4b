package io.wakepath.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrategyInfoTest {
    static final class SpscReleaseAcquireRing {
    }

    static final class BrokenPlainPublishRing {
    }

    static final class NotARingAtAll {
    }

    @Test
    void shouldDeriveTheIdFromTheClassName() {
        assertEquals("spsc-release-acquire", StrategyInfo.correct(Layer.RING, SpscReleaseAcquireRing.class, "d").id());
        assertEquals("broken-plain-publish",
                StrategyInfo.broken(Layer.RING, BrokenPlainPublishRing.class, "bug", "d").id());
    }

    @Test
    void shouldRefuseAClassWithoutTheLayerSuffix() {
        assertThrows(IllegalArgumentException.class, () -> StrategyInfo.correct(Layer.RING, NotARingAtAll.class, "d"));
    }

    @Test
    void shouldTieTheBrokenPrefixToABugClass() {
        assertThrows(IllegalArgumentException.class,
                () -> StrategyInfo.correct(Layer.RING, BrokenPlainPublishRing.class, "d"));
        assertThrows(IllegalArgumentException.class,
                () -> StrategyInfo.broken(Layer.RING, SpscReleaseAcquireRing.class, "bug", "d"));
    }
}
