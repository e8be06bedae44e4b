package io.wakepath.poll;

import io.wakepath.core.Errno;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * .poll is a promise: with a single reader, IN means the next nonblocking read returns data. The device pushes an
 * event while the only reader polls and then reads:
 *
 *   device                          reader
 *   push(1);                        r1 = poll() has IN;
 *                                   r2 = read();            (count, or -11 for EAGAIN)
 *
 * "1, -11" is IN followed by EAGAIN: readiness broader than read.
 */
@JCStressTest
@Outcome(id = "0, -11", expect = ACCEPTABLE, desc = "The reader came first: not readable, EAGAIN.")
@Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "Not readable when polled; the data arrived before the read.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "IN, and the read returned the event.")
@Outcome(id = "1, -11", expect = FORBIDDEN, desc = "IN, then EAGAIN: poll promised data that read does not see.")
@Outcome(expect = FORBIDDEN, desc = "Any other result is a broken device model.")
@State
public class PollReadAgreementStress {
    final TestPollable device = PollUnderTest.device(PollUnderTest.create());
    final long[] buf = new long[1];

    @Actor
    public void device() {
        device.push(1);
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = (device.poll(PollTable.NONE) & PollEvents.IN) != 0 ? 1 : 0;
        int n = device.read(buf);
        r.r2 = n == -Errno.EAGAIN ? -11 : n;
    }
}
