package io.wakepath.core;

import java.util.concurrent.TimeUnit;

/**
 * How long a watchdog saw a condition hold, from samples it takes every millisecond or so.
 *
 * <p>Time between two samples further apart than {@link #MAX_SAMPLE_GAP_NANOS} was not observed -- the watchdog was
 * off the CPU and cannot say the condition held throughout -- so it is not counted. Nor does such a gap end a stall:
 * only the caller does ({@link #reset()}: progress seen, a thread awake), so that a machine too busy to wake the
 * watchdog every few milliseconds still has a stuck thread reported, only later.
 *
 * <p>One clock per condition; every clock of a watchdog is given the same sample times. Used by one thread.
 */
public final class StallClock {
    /** Samples further apart than this leave the time between them uncounted. */
    public static final long MAX_SAMPLE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private long held = -1;          // observed time the condition has held; -1: it does not hold
    private long lastSample;

    /** A clock whose first sample is at {@code now}; the condition does not hold yet. */
    public StallClock(long now) {
        this.lastSample = now;
    }

    /**
     * A sample at {@code now}: the time since the previous sample counts when the condition held at both and the
     * samples were close enough together; otherwise the stall starts here.
     *
     * @return the observed time the condition has held, 0 at the first sample where it holds
     */
    public long holds(long now) {
        long gap = now - lastSample;
        lastSample = now;
        held = held < 0 ? 0 : held + (gap <= MAX_SAMPLE_GAP_NANOS ? gap : 0);
        return held;
    }

    /** A sample at {@code now} where the condition does not hold. */
    public void breaks(long now) {
        lastSample = now;
        held = -1;
    }

    /** The condition's stall ends without a sample (progress was seen): the next {@link #holds} starts a new one. */
    public void reset() {
        held = -1;
    }
}
