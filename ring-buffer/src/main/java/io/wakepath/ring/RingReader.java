package io.wakepath.ring;

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
