package io.wakepath.irq.diagnose;

import io.wakepath.core.UsageException;

import java.util.SplittableRandom;

/**
 * How long readers wait before they give up and look again ({@code --timeout}): none (every wait untimed), or a
 * range from which each wait draws its timeout, log-uniformly, so that short and long timeouts are equally common
 * by order of magnitude. A timed wait that ends at its deadline is followed by a nonblocking read and another wait.
 * Long timeouts are what make a wake lost by a timed wait visible: the reader sleeps on, past the stall threshold,
 * while data sits readable.
 *
 * @param minNanos shortest timeout (0 with maxNanos 0: untimed)
 * @param maxNanos longest timeout
 */
public record WaitTimeouts(long minNanos, long maxNanos) {
    public static final WaitTimeouts NONE = new WaitTimeouts(0, 0);
    /** The chain stress's timed readers: from 1 ms to 1 s. */
    public static final String WIDE = "1ms-1s";

    public WaitTimeouts {
        if (minNanos < 0 || maxNanos < minNanos) {
            throw new IllegalArgumentException("bad timeout range " + minNanos + "-" + maxNanos);
        }
    }

    public boolean timed() {
        return maxNanos > 0;
    }

    /** A timeout for the next wait, or {@code -1} (untimed). */
    public long draw(SplittableRandom random) {
        if (!timed()) {
            return -1;
        }
        if (minNanos == maxNanos) {
            return minNanos;
        }
        double lo = Math.log(minNanos);
        return (long) Math.exp(lo + random.nextDouble() * (Math.log(maxNanos) - lo));
    }

    /**
     * {@code 1ms-1s} or {@code 200ms}: times as {@code --duration} takes them.
     *
     * @param millis parses one time into milliseconds, with the option's bounds
     */
    static WaitTimeouts parse(String text, java.util.function.Function<String, Long> millis) {
        int dash = text.indexOf('-');
        long lo = millis.apply(dash < 0 ? text : text.substring(0, dash));
        long hi = dash < 0 ? lo : millis.apply(text.substring(dash + 1));
        if (hi < lo) {
            throw new UsageException("--timeout: the range must go from the shorter to the longer time, got '"
                    + text + "'");
        }
        return new WaitTimeouts(lo * 1_000_000, hi * 1_000_000);
    }

    /** As {@code --timeout} takes it, e.g. {@code 1ms-1000ms}; empty when untimed. */
    @Override
    public String toString() {
        if (!timed()) {
            return "";
        }
        long lo = minNanos / 1_000_000;
        long hi = maxNanos / 1_000_000;
        return lo == hi ? lo + "ms" : lo + "ms-" + hi + "ms";
    }
}
