package io.wakepath.irq.driver;

import io.wakepath.core.Errno;
import io.wakepath.irq.ledger.ReaderLedger;
import io.wakepath.poll.PollEvents;
import io.wakepath.poll.PollTable;
import io.wakepath.poll.Pollable;
import io.wakepath.poll.ReadinessSource;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingReader;
import io.wakepath.waitqueue.WaitQueue;

import java.util.function.IntSupplier;

/**
 * An open file of a {@link CharDriver} ({@code struct file}): its own ring reader, read(2) and {@code .poll}. One
 * thread uses a file at a time, as a file descriptor in one reading thread.
 */
public final class OpenFile implements Pollable, ReadinessSource {
    private final CharDriver driver;
    private final RingReader reader;
    private final boolean exclusive;
    private boolean closed;
    private boolean sleptLastTime;
    private ReaderLedger observer;

    OpenFile(CharDriver driver, RingReader reader, boolean exclusive) {
        this.driver = driver;
        this.reader = reader;
        this.exclusive = exclusive;
    }

    /**
     * read(2) of up to {@code dst.length} samples.
     *
     * @return samples read; {@link Ring#EOVERFLOW} once after samples were lost ({@link #lastLoss()}); 0 at end of
     * file (hung up and drained); {@code -EAGAIN} when {@code nonblocking} and nothing is readable; {@code -EINTR}
     * when interrupted while waiting; {@code -EBADF} after close
     */
    public int read(long[] dst, boolean nonblocking) {
        return read(() -> reader.read(dst, 0, dst.length), nonblocking ? 0 : WaitQueue.UNTIMED);
    }

    /**
     * read(2) of up to {@code length} bytes of a byte-stream ring into {@code dst} from {@code offset} (8
     * little-endian bytes per sample, split across reads as the reader asks): the results of
     * {@link #read(long[], boolean)}, counting bytes.
     */
    public int read(byte[] dst, int offset, int length, boolean nonblocking) {
        return read(() -> reader.read(dst, offset, length), nonblocking ? 0 : WaitQueue.UNTIMED);
    }

    /**
     * A blocking read that gives up after {@code timeoutNanos} (as a read with {@code SO_RCVTIMEO}, or a tty's
     * {@code VTIME}): {@code -EAGAIN} when nothing became readable in time; otherwise as {@link #read(long[], boolean)}.
     */
    public int readTimed(long[] dst, long timeoutNanos) {
        return readTimed(() -> reader.read(dst, 0, dst.length), timeoutNanos);
    }

    /** {@link #readTimed(long[], long)} of a byte stream. */
    public int readTimed(byte[] dst, int offset, int length, long timeoutNanos) {
        return readTimed(() -> reader.read(dst, offset, length), timeoutNanos);
    }

    private int readTimed(IntSupplier copy, long timeoutNanos) {
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("timeout must be 0 or more nanoseconds, got " + timeoutNanos);
        }
        return read(copy, timeoutNanos == 0 ? 1 : timeoutNanos);    // 0 would mean nonblocking: the least wait
    }

    /**
     * {@code copy}: one read from the ring into the caller's buffer. {@code timeoutNanos}: 0 nonblocking,
     * {@link WaitQueue#UNTIMED}, or the longest time to sleep in all.
     */
    private int read(IntSupplier copy, long timeoutNanos) {
        boolean nonblocking = timeoutNanos == 0;
        long deadline = System.nanoTime() + timeoutNanos;
        if (closed) {
            return -Errno.EBADF;
        }
        if (driver.released()) {
            driver.usedAfterRelease();
            return 0;
        }
        sleptLastTime = false;
        for (;;) {
            int n = copy.getAsInt();
            if (n != 0) {
                return n;
            }
            if (driver.hungUp()) {
                // data offered before the hang-up is visible now: hangUp() happens after free_irq
                return copy.getAsInt();
            }
            if (nonblocking) {
                return -Errno.EAGAIN;
            }
            if (sleptLastTime && observer != null) {
                observer.wokenEmpty();                  // woken, and the read found nothing
            }
            sleptLastTime = true;
            if (observer != null) {
                observer.sleeping();
            }
            long r;
            long left = timeoutNanos == WaitQueue.UNTIMED ? WaitQueue.UNTIMED : deadline - System.nanoTime();
            if (left != WaitQueue.UNTIMED && left <= 0) {
                return -Errno.EAGAIN;                    // timed out
            }
            try {
                r = driver.readQueue().wait(this::readableOrGone, exclusive, true, left);
            } finally {
                if (observer != null) {
                    observer.running();
                }
            }
            if (r == WaitQueue.ERESTARTSYS) {
                return -Errno.EINTR;
            }
            if (r == 0 && left != WaitQueue.UNTIMED) {
                return -Errno.EAGAIN;                    // false at the deadline: timed out
            }
        }
    }

    /** The reader's ledger: told when a blocking read sleeps, wakes, and finds nothing after a wake. */
    public void observe(ReaderLedger observer) {
        this.observer = observer;
    }

    private boolean readableOrGone() {
        return reader.isReady() || driver.hungUp();
    }

    /** The samples the last {@link Ring#EOVERFLOW} reported lost. */
    public long lastLoss() {
        return reader.lastLoss();
    }

    @Override
    public int poll(PollTable table) {
        if (driver.released()) {
            driver.usedAfterRelease();
            return PollEvents.POLLHUP;
        }
        table.wait(driver.pollQueue());
        int mask = driver.poll.inMask(this);
        if (driver.hungUp()) {
            mask |= PollEvents.POLLHUP;
        }
        return mask;
    }

    @Override
    public boolean readable() {
        return reader.isReady();
    }

    /** The hardware's hint: samples in the device FIFO, not yet in the ring (read does not use it). */
    @Override
    public boolean pending() {
        return driver.device.fifoLevel() > 0;
    }

    /** close(2); the driver is released when its last file is closed. */
    public void close() {
        if (!closed) {
            closed = true;
            driver.closed(this);
        }
    }
}
