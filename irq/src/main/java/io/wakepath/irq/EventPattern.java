package io.wakepath.irq;

import java.util.SplittableRandom;

/**
 * When the hardware receives its samples: an open-loop schedule, fixed before the run and independent of how fast the
 * driver is, replayable from its seed.
 *
 * @param kind  periodic, Poisson or bursts
 * @param rate  mean samples per second (at least 1)
 * @param burst samples per burst (bursts only; 1 otherwise)
 */
public record EventPattern(Kind kind, double rate, int burst) {

    public enum Kind implements io.wakepath.core.Identified {
        /** One sample every 1/rate seconds. */
        PERIODIC,
        /** Exponentially distributed gaps of mean 1/rate: independent arrivals. */
        POISSON,
        /** {@code burst} samples back to back, bursts arriving as a Poisson process of rate/burst per second. */
        BURSTS;

        /** @throws io.wakepath.core.UsageException naming the known ids */
        public static Kind byId(String id) {
            return io.wakepath.core.Identified.byId(Kind.class, id, "pattern");
        }
    }

    public EventPattern {
        if (!(rate >= 1) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("event rate must be at least 1 per second, got " + rate);
        }
        if (burst < 1 || (kind != Kind.BURSTS && burst != 1)) {
            throw new IllegalArgumentException("burst size must be 1, or at least 1 for bursts, got " + burst);
        }
    }

    public static EventPattern periodic(double rate) {
        return new EventPattern(Kind.PERIODIC, rate, 1);
    }

    public static EventPattern poisson(double rate) {
        return new EventPattern(Kind.POISSON, rate, 1);
    }

    public static EventPattern bursts(double rate, int burst) {
        return new EventPattern(Kind.BURSTS, rate, burst);
    }

    /** The schedule: arrival times in nanoseconds from the start, in order. */
    public Schedule schedule(long seed) {
        return new Schedule(this, new SplittableRandom(seed));
    }

    /** An endless sequence of arrival times (nanoseconds from the start); a burst's samples share one time. */
    public static final class Schedule {
        private final EventPattern pattern;
        private final SplittableRandom random;
        private double next;
        private long index;
        private int leftInBurst;

        Schedule(EventPattern pattern, SplittableRandom random) {
            this.pattern = pattern;
            this.random = random;
        }

        public long next() {
            double meanGap = 1e9 / pattern.rate;
            switch (pattern.kind) {
                case PERIODIC -> next = index * meanGap;
                case POISSON -> next += exponential(meanGap);
                case BURSTS -> {
                    if (leftInBurst == 0) {
                        next += exponential(meanGap * pattern.burst);
                        leftInBurst = pattern.burst;
                    }
                    leftInBurst--;
                }
            }
            index++;
            return (long) next;
        }

        private double exponential(double mean) {
            return -Math.log(1 - random.nextDouble()) * mean;
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PERIODIC -> "periodic " + (long) rate + "/s";
            case POISSON -> "poisson " + (long) rate + "/s";
            case BURSTS -> "bursts of " + burst + ", " + (long) rate + "/s";
        };
    }
}
