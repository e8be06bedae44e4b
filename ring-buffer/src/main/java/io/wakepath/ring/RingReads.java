package io.wakepath.ring;

import java.util.Objects;
import java.util.function.LongConsumer;

/** Checks and copies shared by every strategy's read path. */
final class RingReads {
    private RingReads() {
    }

    static void checkFrames(RingConfig config, long[] dst, int offset, int max) {
        requireFrames(config);
        Objects.checkFromIndexSize(offset, max, dst.length);
    }

    static void requireFrames(RingConfig config) {
        if (config.framing() != Framing.FRAME) {
            throw new IllegalStateException("this ring is a byte stream: read(byte[], int, int)");
        }
    }

    /** {@code read(handler, max)}'s arguments: a handler, and a count that is not negative. */
    static void checkHandler(LongConsumer handler, int max) {
        Objects.requireNonNull(handler, "handler");
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
    }

    static void checkBytes(RingConfig config, byte[] dst, int offset, int length) {
        if (config.framing() != Framing.BYTE_STREAM) {
            throw new IllegalStateException("this ring holds frames: read(long[], int, int)");
        }
        Objects.checkFromIndexSize(offset, length, dst.length);
    }

    /** Copies bytes {@code [from, from + count)} of {@code event} (little-endian) into {@code dst} at {@code offset}. */
    static void copyBytes(long event, int from, byte[] dst, int offset, int count) {
        for (int k = 0; k < count; k++) {
            dst[offset + k] = (byte) (event >>> (8 * (from + k)));
        }
    }
}
