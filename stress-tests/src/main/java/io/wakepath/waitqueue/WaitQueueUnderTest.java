package io.wakepath.waitqueue;

import io.wakepath.stress.harness.UnderTest;
import java.util.function.Supplier;

/**
 * The wait-queue strategy the forked jcstress VM tests, named by the system property {@code wakepath.waitqueue}
 * ({@code -jvmArgsPrepend -Dwakepath.waitqueue=ID}; {@code ./wakepath test} sets it per strategy).
 */
public final class WaitQueueUnderTest {
    private static final WaitQueueStrategy STRATEGY = UnderTest.resolve(WaitQueueBinding.INSTANCE);

    private WaitQueueUnderTest() {
    }

    public static WaitQueue create() {
        return STRATEGY.create();
    }

    /** The strategy's factory, for code that must not touch the registry while it runs (the model checker). */
    public static Supplier<WaitQueue> factory() {
        return STRATEGY.factory();
    }
}
