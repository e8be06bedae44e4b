package io.wakepath.waitqueue;

import java.util.function.Supplier;

/**
 * The wait-queue strategy the forked jcstress VM tests, named by the system property {@value #PROPERTY}
 * ({@code -jvmArgsPrepend -Dwakepath.waitqueue=ID}; {@code ./wakepath test} sets it per strategy).
 */
public final class WaitQueueUnderTest {
    public static final String PROPERTY = "wakepath.waitqueue";

    private static final WaitQueueStrategy STRATEGY = resolve();

    private WaitQueueUnderTest() {
    }

    private static WaitQueueStrategy resolve() {
        String id = System.getProperty(PROPERTY);
        if (id == null) {
            throw new IllegalStateException("no wait queue under test: run jcstress with -jvmArgsPrepend -D"
                    + PROPERTY + "=<wait-queue strategy id> (see ./wakepath list), or let ./wakepath test do it");
        }
        return WaitQueueStrategies.byId(id);
    }

    public static WaitQueue create() {
        return STRATEGY.create();
    }

    /** The strategy's factory, for code that must not touch the registry while it runs (the model checker). */
    public static Supplier<WaitQueue> factory() {
        return STRATEGY.factory();
    }
}
