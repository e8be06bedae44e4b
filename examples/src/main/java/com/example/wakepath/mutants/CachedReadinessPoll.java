package com.example.wakepath.mutants;

import io.wakepath.poll.LockedReadyListPoll;
import io.wakepath.poll.ReadinessSource;

/**
 * Stale readiness: a poll engine that caches a device's IN bit for 50 microseconds ("polling is hot"). A re-poll
 * right after a wake returns the cached "not ready", and the caller sleeps with data readable.
 */
public class CachedReadinessPoll extends LockedReadyListPoll {
    private static final long CACHE_NANOS = 50_000;
    private volatile ReadinessSource lastSource;
    private volatile int lastMask;
    private volatile long lastAt;

    @Override
    public int inMask(ReadinessSource source) {
        long now = System.nanoTime();
        if (source == lastSource && now - lastAt < CACHE_NANOS) {
            return lastMask;
        }
        int mask = super.inMask(source);
        lastSource = source;
        lastMask = mask;
        lastAt = now;
        return mask;
    }
}
