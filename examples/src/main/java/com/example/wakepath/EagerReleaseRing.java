package com.example.wakepath;

import io.wakepath.ring.RingConfig;

/**
 * The README's worked example: {@link SpscArrayRing} with two stores swapped in the consumer. It frees the slot
 * (moves the head on) <em>before</em> it reads it, so a producer that was waiting for space may write the next lap's
 * event into the slot first, and the reader returns that newer event in place of the old one: one event is lost and
 * another read twice. {@code ./wakepath check --target ring=com.example.wakepath.EagerReleaseRing --classpath
 * examples/target/wakepath-examples.jar} catches it and exits 1.
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
