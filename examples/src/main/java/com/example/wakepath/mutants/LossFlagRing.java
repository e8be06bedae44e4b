package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.RingConfig;

/**
 * A loss kept as a flag, not a count: the reader is told "events were lost" with {@code lastLoss() == 1} however
 * many were refused since the last report. A reader that accounts for its gaps (a sequence check, a statistics
 * line) undercounts every overflow of more than one event.
 */
public class LossFlagRing extends SpscArrayRing {

    public LossFlagRing(RingConfig config) {
        super(config);
    }

    @Override
    protected long takeLoss() {
        return unreported.getAndSet(0) > 0 ? 1 : 0;
    }
}
