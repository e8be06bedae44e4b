package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.RingConfig;

/**
 * Two accesses swapped in the consumer of {@link SpscArrayRing}. It frees the slot
 * (moves the head on) <em>before</em> it reads it, so a producer that was waiting for space may write the next lap's
 * event into the slot first, and the reader returns that newer event in place of the old one: one event is lost and
 * another read twice. On x86 the window is nearly closed: the head store waits in the store buffer while the slot
 * is loaded (store-load reordering is allowed), so the producer rarely sees the slot free before it was read.
 */
public class EagerReleaseRing extends SpscArrayRing {

    public EagerReleaseRing(RingConfig config) {
        super(config);
    }

    @Override
    protected boolean takeOne(long[] dst, int at) {
        long h = (long) HEAD.getOpaque(this);
        if (h == (long) TAIL.getAcquire(this)) {
            return false;
        }
        HEAD.setRelease(this, h + 1);                  // BUG: the slot is handed back to the producer ...
        dst[at] = buffer[(int) h & mask];              // ... before it is read
        return true;
    }
}
