package com.example.wakepath.mutants;

import com.example.wakepath.LockedBroadcastRing;
import io.wakepath.ring.RingConfig;

/**
 * A lapped broadcast reader restarts at the newest event ("it is behind anyway: skip to now"), but is told only of
 * the events that were overwritten: those still in the ring that it skipped are lost without a report.
 */
public class LapToNewestRing extends LockedBroadcastRing {

    public LapToNewestRing(RingConfig config) {
        super(config);
    }

    @Override
    protected long resumeAfterLap(long tail, int capacity) {
        return tail;
    }
}
