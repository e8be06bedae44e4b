package com.example.wakepath.mutants;

import com.example.wakepath.ReadyDequePoll;

/**
 * poll(2) that treats any wake as the end of the call: woken, it polls once more and returns what it finds, 0 when
 * nothing is ready, as if its time were up. A caller that polls with a timeout to pace itself (or treats 0 as
 * "timed out: the peer is gone") is woken early by every spurious wake, or by a wake meant for a reader of another
 * kind on the same queue.
 */
public class EarlyReturnPoll extends ReadyDequePoll {
    @Override
    protected boolean returnsOnAnyWake() {
        return true;
    }
}
