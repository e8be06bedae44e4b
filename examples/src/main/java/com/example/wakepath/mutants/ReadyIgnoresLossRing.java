package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.RingConfig;

/**
 * Readiness from the data alone: {@code isReady()} does not count a loss waiting to be reported. When the reader
 * empties the ring while the producer is refusing events, the ring says "not ready" although the next read returns
 * EOVERFLOW: a poller sleeps on the report (poll's ERR is never raised), a blocking reader sleeps on it too.
 */
public class ReadyIgnoresLossRing extends SpscArrayRing {

    public ReadyIgnoresLossRing(RingConfig config) {
        super(config);
    }

    @Override
    protected boolean lossPending() {
        return false;
    }
}
