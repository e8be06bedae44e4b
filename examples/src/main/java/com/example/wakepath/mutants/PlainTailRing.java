package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.RingConfig;

/** A fence removed: the tail published with a plain store instead of a release store. */
public class PlainTailRing extends SpscArrayRing {
    public PlainTailRing(RingConfig config) {
        super(config);
    }

    @Override
    protected void publishTail(long t) {
        tail = t;
    }
}
