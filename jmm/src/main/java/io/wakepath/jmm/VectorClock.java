package io.wakepath.jmm;

import java.util.Arrays;

/** A vector clock: one logical time per thread index. Not thread-safe (the detector holds its lock). */
final class VectorClock {
    private int[] times;

    VectorClock() {
        times = new int[4];
    }

    private VectorClock(int[] times) {
        this.times = times;
    }

    int get(int thread) {
        return thread < times.length ? times[thread] : 0;
    }

    void set(int thread, int time) {
        if (thread >= times.length) {
            times = Arrays.copyOf(times, Math.max(thread + 1, times.length * 2));
        }
        times[thread] = time;
    }

    /** Moves {@code thread}'s own time on: what it does from now is after everything it published so far. */
    void tick(int thread) {
        set(thread, get(thread) + 1);
    }

    /** This clock becomes the pointwise maximum of itself and {@code other}. */
    void join(VectorClock other) {
        if (other == null) {
            return;
        }
        if (other.times.length > times.length) {
            times = Arrays.copyOf(times, other.times.length);
        }
        for (int i = 0; i < other.times.length; i++) {
            if (other.times[i] > times[i]) {
                times[i] = other.times[i];
            }
        }
    }

    VectorClock copy() {
        return new VectorClock(times.clone());
    }

    /** Whether the event at {@code time} of {@code thread} happens-before (or is) what this clock has seen. */
    boolean covers(int thread, int time) {
        return time <= get(thread);
    }

    @Override
    public String toString() {
        return Arrays.toString(times);
    }
}
