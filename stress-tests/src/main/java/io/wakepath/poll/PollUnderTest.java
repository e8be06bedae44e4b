package io.wakepath.poll;

import io.wakepath.core.Layer;
import io.wakepath.stress.UnderTest;
import io.wakepath.waitqueue.KernelStyleWaitQueue;

/**
 * The poll strategy the forked jcstress VM tests, named by the system property {@value #PROPERTY}
 * ({@code -jvmArgsPrepend -Dwakepath.poll=ID}; {@code ./wakepath test} sets it per strategy). Devices use the
 * kernel-style wait queue, so that only the poll strategy varies.
 */
public final class PollUnderTest {
    public static final String PROPERTY = "wakepath.poll";

    private static final PollStrategy STRATEGY = UnderTest.resolve(PROPERTY, Layer.POLL, PollStrategies::byId);

    private PollUnderTest() {
    }

    public static Poll create() {
        return STRATEGY.create();
    }

    /** A test device whose readiness follows the strategy's rules. */
    public static TestPollable device(Poll poll) {
        return new TestPollable(poll, new KernelStyleWaitQueue());
    }
}
