package io.wakepath.blockingqueue;

import io.wakepath.stress.harness.UnderTest;

import java.util.concurrent.BlockingQueue;

/**
 * The blocking queue the forked jcstress VM tests, named by the system property {@code wakepath.blocking-queue}
 * (always {@code class:blocking-queue:NAME}: the layer has only users' classes and peers).
 */
public final class BlockingQueueUnderTest {
    /** The capacity the litmus tests ask for: room for what they offer, so that no offer is refused. */
    static final int CAPACITY = 4;

    private static final BlockingQueueStrategy STRATEGY = UnderTest.resolve(BlockingQueueBinding.INSTANCE);

    private BlockingQueueUnderTest() {
    }

    public static BlockingQueue<Object> create() {
        return STRATEGY.create(CAPACITY);
    }
}
