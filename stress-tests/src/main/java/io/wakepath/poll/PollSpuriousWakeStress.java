package io.wakepath.poll;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.concurrent.TimeUnit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * poll(2) returns when an entry is ready, at its timeout, or on a signal: a wake that leaves nothing ready leads to
 * another sleep (do_poll loops until something is ready or the time is up). The poller polls a device with nothing
 * to read for 200 us (every sample costs that, so the timeout is short); once it has registered on the device's
 * queue, the other side wakes the queue without making anything ready (a spurious wake, or a wake for a reader of
 * another kind).
 *
 *   r1 = what poll returned, r2 = 1 if it returned before its timeout
 */
@JCStressTest
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "Nothing ready: poll slept through the wake and timed out.")
@Outcome(id = "0, 1", expect = FORBIDDEN, desc = "poll returned 0 before its timeout: the wake that left nothing ready ended the call.")
@Outcome(expect = FORBIDDEN, desc = "poll reported an entry ready with nothing to read.")
@State
public class PollSpuriousWakeStress {
    static final long TIMEOUT = TimeUnit.MICROSECONDS.toNanos(200);
    final Poll poll = PollUnderTest.create();
    final TestPollable device = PollUnderTest.device(poll);
    final PollFd[] fds = {new PollFd(device, PollEvents.POLLIN)};

    @Actor
    public void waker() {
        for (int i = 0; i < 100_000 && !device.queue().hasSleeper(); i++) {
            Thread.onSpinWait();                    // until the poller has registered (bounded)
        }
        device.wakeWithoutEvent();
    }

    @Actor
    public void poller(II_Result r) {
        long start = System.nanoTime();
        r.r1 = poll.poll(fds, TIMEOUT);
        r.r2 = System.nanoTime() - start < TIMEOUT ? 1 : 0;
    }
}
