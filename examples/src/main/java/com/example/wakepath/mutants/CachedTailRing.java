package com.example.wakepath.mutants;

import com.example.wakepath.SpscArrayRing;
import io.wakepath.ring.RingConfig;

/**
 * Readiness from a cached index: {@code isReady} compares the head with the tail the consumer saw at its last read,
 * refreshed only by reads ("save a cache miss"). After a read that emptied the ring, readiness stays false: a waiter
 * whose condition is {@code isReady} sleeps through every wake.
 */
public class CachedTailRing extends SpscArrayRing {
    private long seenTail;                              // consumer only

    public CachedTailRing(RingConfig config) {
        super(config);
    }

    @Override
    protected boolean takeOne(long[] dst, int at) {
        seenTail = (long) TAIL.getAcquire(this);
        return super.takeOne(dst, at);
    }

    @Override
    protected boolean ready() {
        return (long) HEAD.getOpaque(this) != seenTail;
    }
}
