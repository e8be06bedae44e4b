package io.wakepath.irq.diagnose;

import io.wakepath.irq.driver.OpenFile;

/**
 * How one user-space reader gets samples out of its file: whole frames, or -- from a byte-stream ring -- bytes in
 * reads of 13 (so that every other read ends inside a sample), reassembled into samples as a program reading a
 * stream would. A read that ends inside a sample is followed at once by another (the rest is readable: a ring keeps a
 * partly read sample); the results are those of read(2) on frames, counting whole samples.
 */
final class SampleReads {
    /** Bytes asked per read of a byte stream: not a multiple of 8. */
    static final int CHUNK = 13;

    private final OpenFile file;
    private final boolean bytes;
    private final byte[] chunk = new byte[CHUNK];
    private long partial;                               // the bytes of a sample read so far, little-endian
    private int partialBytes;

    SampleReads(OpenFile file, boolean bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    OpenFile file() {
        return file;
    }

    /** Bytes of a sample read without the rest of it (at end of file: a sample the stream cut short). */
    int partialBytes() {
        return partialBytes;
    }

    /** As {@link OpenFile#read(long[], boolean)} (timeout {@code < 0}) or {@link OpenFile#readTimed}. */
    int read(long[] dst, boolean nonblocking, long timeoutNanos) {
        if (!bytes) {
            return timeoutNanos < 0 || nonblocking ? file.read(dst, nonblocking) : file.readTimed(dst, timeoutNanos);
        }
        for (;;) {
            int room = Math.min(CHUNK, Long.BYTES * dst.length - partialBytes);
            int n = timeoutNanos < 0 || nonblocking ? file.read(chunk, 0, room, nonblocking)
                    : file.readTimed(chunk, 0, room, timeoutNanos);
            if (n <= 0) {
                return n;                               // EOF, EOVERFLOW, EAGAIN, EINTR: as for frames
            }
            int samples = 0;
            for (int i = 0; i < n; i++) {
                partial |= (chunk[i] & 0xFFL) << (8 * partialBytes);
                if (++partialBytes == Long.BYTES) {
                    dst[samples++] = partial;
                    partial = 0;
                    partialBytes = 0;
                }
            }
            if (samples > 0) {
                return samples;
            }
        }
    }
}
