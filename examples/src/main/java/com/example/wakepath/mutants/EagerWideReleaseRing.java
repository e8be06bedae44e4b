package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.Topology;

import java.util.EnumSet;

/**
 * {@link EagerReleaseRing}'s bug on a side path. Events wider than an {@code int} travel beside the slots (as
 * {@code spsc-compact}'s do): the slot holds {@link #ESCAPED} and the event waits in a side array. The consumer hands
 * the slot back before it reads the side array, so a producer that was waiting for space may overwrite the wide
 * event first. Small events never take that path: a check that offers only small numbers passes this ring.
 */
public class EagerWideReleaseRing extends SpscArrayRing {
    /** Frames only: the byte-stream path of the ring it extends does not know the side array. */
    public static final RingCapabilities CAPABILITIES = new RingCapabilities(Topology.SPSC,
            EnumSet.of(OverflowPolicy.DROP_NEWEST, OverflowPolicy.REPORT_OVERFLOW), false, false);
    /** What a slot holds when its event is in the side array: no int is this. */
    static final long ESCAPED = Long.MIN_VALUE;

    private final long[] wide;

    public EagerWideReleaseRing(RingConfig config) {
        super(config);
        CAPABILITIES.require(getClass(), config);
        this.wide = new long[config.capacity()];
    }

    @Override
    protected void write(long t, long event) {
        if (event != (int) event) {
            wide[(int) t & mask] = event;             // published by the tail's release in super.write
            event = ESCAPED;
        }
        super.write(t, event);
    }

    @Override
    protected boolean takeOne(long[] dst, int at) {
        long h = (long) HEAD.getOpaque(this);
        if (h == (long) TAIL.getAcquire(this)) {
            return false;
        }
        long code = buffer[(int) h & mask];
        HEAD.setRelease(this, h + 1);                  // BUG: the slot is handed back to the producer ...
        dst[at] = code == ESCAPED ? wide[(int) h & mask] : code;   // ... before its wide event is read
        return true;
    }
}
