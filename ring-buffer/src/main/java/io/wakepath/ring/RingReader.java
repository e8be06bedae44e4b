package io.wakepath.ring;

import java.util.function.LongConsumer;

/**
 * A reader of a {@link Ring}: one per reading thread (or serialized by the caller). Its reads follow read(2):
 * a count of what was copied, {@code 0} when there is nothing (the caller's EAGAIN), or {@link Ring#EOVERFLOW}
 * once after events were lost.
 */
public interface RingReader {

    /**
     * Frame mode: copies up to {@code max} whole events into {@code dst} from {@code offset}.
     *
     * @return events copied, {@code 0} if none is readable (or {@code max == 0}), or {@link Ring#EOVERFLOW}: events
     * were lost since the last report (nothing is copied; {@link #lastLoss()} says how many)
     * @throws IllegalStateException when the ring is a byte stream
     */
    int read(long[] dst, int offset, int max);

    /**
     * Frame mode, without an array: hands up to {@code max} whole events to {@code handler}, in order, as JCTools' and
     * Agrona's {@code drain} do; for a consumer that uses each event where it is (counts it, dispatches on it) rather
     * than keeping a copy. An event the handler was given is consumed, also when the handler throws (the exception
     * then propagates, and the events after it stay for the next read).
     *
     * <p>This default takes one event per call through {@link #read(long[], int, int)}; a ring whose reader can hand
     * events over straight from its slots overrides it.
     *
     * @return events handed over, {@code 0} if none is readable (or {@code max == 0}), or {@link Ring#EOVERFLOW}:
     * events were lost since the last report (the handler is not called; {@link #lastLoss()} says how many)
     * @throws IllegalArgumentException when {@code max} is negative
     * @throws IllegalStateException when the ring is a byte stream
     */
    default int read(LongConsumer handler, int max) {
        RingReads.checkHandler(handler, max);
        if (max == 0) {
            return 0;
        }
        long[] one = new long[1];
        int n = read(one, 0, 1);
        if (n == 1) {
            handler.accept(one[0]);
        }
        return n;
    }

    /**
     * Byte-stream mode: copies up to {@code length} bytes into {@code dst} from {@code offset}; an event may be split
     * across reads (8 little-endian bytes per event).
     *
     * @return bytes copied, {@code 0} if none is readable, or {@link Ring#EOVERFLOW} as for frames
     * @throws IllegalStateException when the ring is in frame mode
     */
    int read(byte[] dst, int offset, int length);

    /** Whether the next read returns data or {@link Ring#EOVERFLOW}: the readiness {@code .poll} reports. */
    boolean isReady();

    /** The number of events reported lost by this reader's most recent {@link Ring#EOVERFLOW}. */
    long lastLoss();
}
