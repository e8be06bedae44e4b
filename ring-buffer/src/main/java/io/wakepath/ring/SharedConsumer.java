package io.wakepath.ring;

import java.util.function.LongConsumer;

/**
 * The reader handle of every lock-free ring with shared readers: argument checks, zero-length reads and the
 * REPORT_OVERFLOW report are done here once; a ring supplies only how to take events and whether one is there.
 */
abstract class SharedConsumer implements RingReader {
    private final PaddedRingIndices ring;
    private final RingConfig config;
    private final boolean reportOverflow;
    /**
     * Frames and no overflow report: {@code read(handler, max)}, the one-event-per-call path, then tests one flag
     * where it tested the framing and the policy (a few percent of {@code spsc-compact}'s single shape, README).
     */
    private final boolean plainFrames;
    private long lastLoss;
    private final long[] one = new long[1];     // take(handler)'s event on its way, in rings that copy it

    SharedConsumer(PaddedRingIndices ring, RingConfig config) {
        this.ring = ring;
        this.config = config;
        this.reportOverflow = config.policy() == OverflowPolicy.REPORT_OVERFLOW;
        this.plainFrames = !reportOverflow && config.framing() == Framing.FRAME;
    }

    /** Takes up to {@code max} (at least 1) whole events; 0 when there is none. */
    abstract int take(long[] dst, int offset, int max);

    /**
     * Takes up to {@code max} (at least 1) whole events into {@code handler}, consuming each it was given (also one it
     * threw on); 0 when there is none. This one takes one event through {@link #take(long[], int, int)}; a ring that
     * can hand events over straight from its slots overrides it.
     */
    int take(LongConsumer handler, int max) {
        int n = take(one, 0, 1);
        if (n == 1) {
            handler.accept(one[0]);
        }
        return n;
    }

    /** Byte streams: takes up to {@code length} (at least 1) bytes. Only rings that declare byte streams override. */
    int takeBytes(byte[] dst, int offset, int length) {
        throw new AssertionError("unreachable: the ring's constructor refuses byte streams");
    }

    /** Whether an event is there to take. */
    abstract boolean hasEvent();

    @Override
    public final int read(long[] dst, int offset, int max) {
        RingReads.checkFrames(config, dst, offset, max);
        if (max == 0) {
            return 0;
        }
        return reportLoss() ? Ring.EOVERFLOW : take(dst, offset, max);
    }

    @Override
    public final int read(LongConsumer handler, int max) {
        RingReads.checkHandler(handler, max);
        if (!plainFrames) {
            RingReads.requireFrames(config);
            if (max != 0 && reportLoss()) {
                return Ring.EOVERFLOW;
            }
        }
        return max == 0 ? 0 : take(handler, max);
    }

    @Override
    public final int read(byte[] dst, int offset, int length) {
        RingReads.checkBytes(config, dst, offset, length);
        if (length == 0) {
            return 0;
        }
        return reportLoss() ? Ring.EOVERFLOW : takeBytes(dst, offset, length);
    }

    /** REPORT_OVERFLOW: reports the drops not yet reported, once. */
    private boolean reportLoss() {
        long loss = reportOverflow ? ring.takeLoss() : 0;
        if (loss == 0) {
            return false;
        }
        lastLoss = loss;
        return true;
    }

    @Override
    public final boolean isReady() {
        return hasEvent() || (reportOverflow && ring.lossPending());
    }

    @Override
    public final long lastLoss() {
        return lastLoss;
    }
}
