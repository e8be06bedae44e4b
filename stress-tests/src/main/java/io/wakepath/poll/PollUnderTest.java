package io.wakepath.poll;

import io.wakepath.stress.harness.UnderTest;
import io.wakepath.waitqueue.KernelStyleWaitQueue;

/**
 * The poll strategy the forked jcstress VM tests, named by the system property {@code wakepath.poll}
 * ({@code -jvmArgsPrepend -Dwakepath.poll=ID}; {@code ./wakepath test} sets it per strategy). Devices use the
 * kernel-style wait queue, so that only the poll strategy varies.
 */
public final class PollUnderTest {
    private static final PollStrategy STRATEGY = UnderTest.resolve(PollBinding.INSTANCE);

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
