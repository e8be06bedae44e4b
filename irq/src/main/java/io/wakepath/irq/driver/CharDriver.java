package io.wakepath.irq.driver;

import io.wakepath.core.AtomicContext;
import io.wakepath.irq.Device;
import io.wakepath.irq.IrqHandler;
import io.wakepath.irq.IrqReturn;
import io.wakepath.irq.ledger.Ledger;
import io.wakepath.poll.Poll;
import io.wakepath.poll.PollEvents;
import io.wakepath.ring.Ring;
import io.wakepath.waitqueue.WaitQueue;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A char-device driver: a device's samples, taken by the IRQ side into a ring, read through device files
 * ({@link OpenFile}) that sleep on the driver's wait queue and report readiness through its poll strategy.
 *
 * <h2>The IRQ side (what a variant writes)</h2>
 * {@link #handleHard()} runs on the interrupt CPU in atomic context, {@link #handleThread()} (when
 * {@link #threaded()}) in the handler thread. They use the helpers below, the driver's "kernel API": register access
 * ({@link #readStatus}, {@link #ack}, {@link #readData}, {@link #fifoLevel}), {@link #publish} (into the ring) and
 * {@link #wakeReaders}. The correct order is the chain's one rule: <em>publish, then wake</em>.
 *
 * <h2>The file side (the same for every variant)</h2>
 * read: data, or {@link Ring#EOVERFLOW} once after a loss, or end of file (0) once hung up and drained, or
 * {@code -EAGAIN} (nonblocking), or a sleep on {@link #readQueue()} until the reader is ready or the device hangs up.
 * {@code .poll}: registers on {@link #pollQueue()}, then IN by the poll strategy's rule, HUP once hung up.
 *
 * <h2>Teardown</h2>
 * {@link #hangUp()} (after {@code free_irq}) wakes every sleeper and poller; their reads then drain what is left and
 * return end of file. {@link #release()} (when the last file is closed) frees the ring: any use after it is counted.
 *
 * <p>The helpers also feed the ledger and the diagnosis's oracle: which queues the IRQ side woke, and the publish/wake
 * order of every handler invocation.
 */
public abstract class CharDriver implements IrqHandler {
    /** What a driver is composed of. */
    public record Parts(Device device, Ring ring, Supplier<WaitQueue> queues, Poll poll, Ledger ledger) {
        public Parts {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(ring, "ring");
            Objects.requireNonNull(queues, "queues");
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(ledger, "ledger");
        }
    }

    protected final Device device;
    protected final Ring ring;
    protected final WaitQueue queue;
    final Poll poll;
    final Ledger ledger;
    private final Supplier<WaitQueue> queues;
    private final Ledger.Producer hardLedger;
    private final Ledger.Producer threadLedger;
    private volatile boolean hungUp;
    private volatile boolean released;
    private final AtomicInteger openFiles = new AtomicInteger();
    private final AtomicLong usedAfterRelease = new AtomicLong();
    private final CopyOnWriteArrayList<WaitQueue> wokenQueues = new CopyOnWriteArrayList<>();

    protected CharDriver(Parts parts) {
        this.device = parts.device();
        this.ring = parts.ring();
        this.queues = parts.queues();
        this.queue = queues.get();
        this.poll = parts.poll();
        this.ledger = parts.ledger();
        this.hardLedger = ledger.producer(true);
        this.threadLedger = ledger.producer(false);
    }

    // ---- the IRQ side, written by a variant

    /** The hard handler's body (see {@link IrqHandler#hardIrq}). */
    protected abstract IrqReturn handleHard();

    /** The threaded handler's body, for a {@link #threaded()} driver. */
    protected void handleThread() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no threaded handler");
    }

    @Override
    public final IrqReturn hardIrq() {
        if (released) {
            usedAfterRelease();
        }
        hardLedger.invocationStarted();
        try {
            return handleHard();
        } finally {
            hardLedger.invocationEnded();
        }
    }

    @Override
    public final void threadFn() {
        if (released) {
            usedAfterRelease();
        }
        threadLedger.invocationStarted();
        try {
            handleThread();
        } finally {
            threadLedger.invocationEnded();
        }
    }

    // ---- the helpers: the driver's kernel API

    /** {@code init_waitqueue_head}: another wait queue of the driver's wait-queue strategy. */
    protected final WaitQueue newWaitQueue() {
        return queues.get();
    }

    /** Reads the device's STATUS register. */
    protected final int readStatus() {
        return device.readStatus();
    }

    /** Writes {@code bits} to STATUS: each 1 clears that bit (write-one-to-clear). */
    protected final void ack(int bits) {
        device.writeStatus(bits);
    }

    /** Pops a sample from the hardware FIFO, or {@link Device#NO_DATA}. */
    protected final long readData() {
        return device.readData();
    }

    /** Samples in the hardware FIFO now. */
    protected final int fifoLevel() {
        return device.fifoLevel();
    }

    /** Offers {@code sample} to the ring (its overflow policy applies). @return whether it is in the ring */
    protected final boolean publish(long sample) {
        boolean accepted = ring.offer(sample);
        producer().published(sample, accepted, System.nanoTime());
        return accepted;
    }

    /** Drops {@code sample} in the driver and accounts for it (a policy of the driver's own). */
    protected final void dropAccounted(long sample) {
        producer().driverDropped();
    }

    /** Pops every sample in the hardware FIFO into the ring. @return samples moved */
    protected final int drainFifo() {
        int moved = 0;
        for (long s = readData(); s != Device.NO_DATA; s = readData()) {
            publish(s);
            moved++;
        }
        return moved;
    }

    /** {@code wake_up_poll(queue, EPOLLIN | EPOLLRDNORM)}. @return waiters woken */
    protected final int wakeReaders() {
        WaitQueue q = queue;
        noteQueue(wokenQueues, q);
        int woken = q.wakeUpPoll(PollEvents.IN);
        producer().woke(woken);
        return woken;
    }

    private Ledger.Producer producer() {
        return AtomicContext.inAtomic() ? hardLedger : threadLedger;
    }

    // ---- what a variant may change on the file side

    /** The queue blocking reads sleep on. */
    protected WaitQueue readQueue() {
        return queue;
    }

    /** The queue {@code .poll} registers on. */
    protected WaitQueue pollQueue() {
        return queue;
    }

    /**
     * Whether the user-space reader that comes with this driver drains an edge-triggered file to EAGAIN before it
     * waits again (the epoll(7) rule for EPOLLET).
     */
    public boolean readerDrainsAfterEdge() {
        return true;
    }

    // ---- files and teardown

    /**
     * {@code open()}: a file with its own ring reader; {@code exclusive}: its blocking reads wait exclusively (a wake
     * wakes one such reader). @throws IllegalStateException after hang-up
     */
    public OpenFile open(boolean exclusive) {
        if (hungUp || released) {
            throw new IllegalStateException("the device is gone");
        }
        openFiles.incrementAndGet();
        return new OpenFile(this, ring.newReader(), exclusive);
    }

    void closed(OpenFile file) {
        openFiles.decrementAndGet();
    }

    /** The device went away (after {@code free_irq}): every sleeper and poller is woken to find HUP or end of file. */
    public void hangUp() {
        hungUp = true;
        readQueue().wakeUpAll();
        if (pollQueue() != readQueue()) {
            pollQueue().wakeUpAll();
        }
    }

    public boolean hungUp() {
        return hungUp;
    }

    /** {@code release()}: the last file is closed; the ring is freed. @throws IllegalStateException if files are open */
    public void release() {
        if (openFiles.get() != 0) {
            throw new IllegalStateException(openFiles.get() + " files still open at release");
        }
        released = true;
    }

    boolean released() {
        return released;
    }

    void usedAfterRelease() {
        usedAfterRelease.incrementAndGet();
    }

    private static void noteQueue(CopyOnWriteArrayList<WaitQueue> seen, WaitQueue q) {
        for (WaitQueue s : seen) {              // one or two elements: identity, no hashing
            if (s == q) {
                return;
            }
        }
        seen.addIfAbsent(q);
    }

    private boolean woken(WaitQueue q) {
        for (WaitQueue w : wokenQueues) {
            if (w == q) {
                return true;
            }
        }
        return false;
    }

    /** The oracle's view of the queues: the ones readers sleep and poll on, against those the IRQ side woke. */
    public QueueUse queueUse() {
        return new QueueUse(wokenQueues.size(), readQueue() == pollQueue(), woken(readQueue()), woken(pollQueue()));
    }

    /**
     * @param woken     distinct queues the IRQ side woke
     * @param same      blocking reads and {@code .poll} use one queue
     * @param readWoken the IRQ side woke the queue blocking reads sleep on
     * @param pollWoken the IRQ side woke the queue {@code .poll} registers on
     */
    public record QueueUse(int woken, boolean same, boolean readWoken, boolean pollWoken) {
    }

    /** Reads, polls and handler runs after {@link #release()}: must stay 0. */
    public long usesAfterRelease() {
        return usedAfterRelease.get();
    }

    public Device device() {
        return device;
    }

    public Ring ring() {
        return ring;
    }
}
