package io.wakepath.irq;

import java.util.Objects;

/**
 * A simulated device: a hardware FIFO of samples, a status register with write-one-to-clear semantics, a mask
 * register, and an interrupt output on an {@link IrqLine}.
 *
 * <h2>Registers</h2>
 * <ul>
 *   <li>{@code STATUS}: {@link #RX} latches when the FIFO goes from empty to non-empty ("data available": samples that
 *       arrive while it holds data latch nothing, so acknowledging RX promises to drain the FIFO to empty);
 *       {@link #OVR} latches when a sample is lost because the FIFO is full. Writing a 1 to a bit clears it
 *       ({@link #writeStatus}); writing 0 leaves it. A read-modify-write therefore clears every bit set at the time
 *       of the read, including events the writer never looked at.</li>
 *   <li>{@code MASK}: a set bit keeps the status bit from asserting the interrupt output.</li>
 *   <li>{@code DATA}: {@link #readData()} pops the oldest sample, or {@link #NO_DATA}; {@code LEVEL}:
 *       {@link #fifoLevel()}.</li>
 * </ul>
 * The interrupt output is asserted while {@code STATUS & ~MASK} is not 0. Every register access is one bus
 * transaction: atomic with respect to the hardware's own updates.
 *
 * <h2>The oracle</h2>
 * The device also records what a driver cannot see, for the diagnosis: handler invocations that returned NONE while
 * the device was asserting, or HANDLED while it was not; handlings that cleared RX over samples in the FIFO and
 * then read none of them; and handler runs that ended with samples in the FIFO but RX clear (stranded: nothing will ever raise
 * them). These counters do not change what the hardware does.
 */
public final class Device {
    /** Data available: latched when the FIFO goes from empty to non-empty. */
    public static final int RX = 1;
    /** Overrun: latched when a sample is lost to a full FIFO. */
    public static final int OVR = 1 << 1;
    /** What {@link #readData()} returns from an empty FIFO (samples are never negative). */
    public static final long NO_DATA = -1;

    private final String name;
    private final long[] fifo;
    private IrqLine line;

    // Hardware state, guarded by this (one bus transaction at a time).
    private int head;
    private int count;
    private int status;
    private int mask;
    private boolean asserting;
    private long latches;                       // number of latch events so far
    private long assertedAtNanos;               // when the output last rose; 0 once an entry latency was taken

    // Counters (guarded by this).
    private long raised;
    private long popped;
    private long overruns;

    // Oracle (guarded by this).
    private boolean inHandler;
    private int statusAtEntry;
    private long latchesAtEntry;                // at the hard handler's entry: a handling spans hard + thread
    private long latchesAtInvocation;           // at the current invocation's entry (hard or thread)
    private boolean ackedWithData;              // RX cleared with samples in the FIFO, none read since
    private long ownInterrupts;
    private long disowned;
    private long foreignClaims;
    private long leftUncleared;
    private long ackedUndrained;
    private long strandedRuns;

    public Device(String name, int fifoDepth) {
        this.name = Objects.requireNonNull(name, "name");
        if (fifoDepth < 1) {
            throw new IllegalArgumentException("a hardware FIFO holds at least one sample, got depth " + fifoDepth);
        }
        this.fifo = new long[fifoDepth];
    }

    public String name() {
        return name;
    }

    public int fifoDepth() {
        return fifo.length;
    }

    /** Connects the interrupt output; done once, by {@link IrqLine#attach}. */
    synchronized void connect(IrqLine line) {
        if (this.line != null) {
            throw new IllegalStateException(name + " is already on " + this.line);
        }
        this.line = line;
    }

    public IrqLine line() {
        return line;
    }

    // ---- the hardware side

    /** The hardware receives {@code sample} (at least 0): into the FIFO, or an overrun when it is full. */
    public void raise(long sample) {
        if (sample < 0) {
            throw new IllegalArgumentException("samples are never negative: " + sample);
        }
        boolean rose;
        synchronized (this) {
            raised++;
            if (count == fifo.length) {
                overruns++;
                latch(OVR);
            } else {
                fifo[(head + count) % fifo.length] = sample;
                if (count++ == 0) {
                    latch(RX);
                }
            }
            rose = updateOutput();
        }
        if (rose && line != null) {
            line.rise();
        }
    }

    private void latch(int bit) {
        latches++;
        status |= bit;
    }

    /** Recomputes the output; true when it rose. Called with the lock held. */
    private boolean updateOutput() {
        boolean now = (status & ~mask) != 0;
        boolean rose = now && !asserting;
        asserting = now;
        if (rose) {
            assertedAtNanos = System.nanoTime();
        }
        return rose;
    }

    /** Whether the interrupt output is asserted now. */
    public synchronized boolean asserting() {
        return asserting;
    }

    // ---- the registers, as a driver sees them

    /** Reads {@code STATUS}. */
    public synchronized int readStatus() {
        return status;
    }

    /** Writes {@code STATUS}: each 1 clears that bit (W1C). */
    public void writeStatus(int bits) {
        synchronized (this) {
            if (inHandler && (bits & status & RX) != 0 && count > 0) {
                ackedWithData = true;           // acknowledged: the handling now owes a drain
            }
            status &= ~bits;
            updateOutput();
        }
    }

    /** Writes {@code MASK}. */
    public void writeMask(int bits) {
        boolean rose;
        synchronized (this) {
            mask = bits;
            rose = updateOutput();
        }
        if (rose && line != null) {
            line.rise();
        }
    }

    public synchronized int readMask() {
        return mask;
    }

    /** Reads {@code DATA}: pops the oldest sample, or returns {@link #NO_DATA}. */
    public synchronized long readData() {
        if (count == 0) {
            return NO_DATA;
        }
        long sample = fifo[head];
        head = (head + 1) % fifo.length;
        count--;
        popped++;
        ackedWithData = false;
        return sample;
    }

    /** Reads {@code LEVEL}: samples in the FIFO now. */
    public synchronized int fifoLevel() {
        return count;
    }

    // ---- for the interrupt controller and the oracle

    /** The controller is about to run this device's hard handler. @return nanoseconds since the output rose, or -1 */
    synchronized long handlerEntered() {
        inHandler = true;
        statusAtEntry = status;
        if (status != 0) {
            ownInterrupts++;
        }
        latchesAtEntry = latches;
        latchesAtInvocation = latches;
        long sinceAsserted = -1;
        if (asserting && assertedAtNanos != 0) {
            sinceAsserted = System.nanoTime() - assertedAtNanos;
            assertedAtNanos = 0;
        }
        return sinceAsserted;
    }

    /** The hard handler returned {@code ret}; {@code completes} when no threaded handler will finish the work. */
    synchronized void handlerReturned(IrqReturn ret, boolean completes) {
        boolean own = statusAtEntry != 0 || latches != latchesAtInvocation;
        if (ret == IrqReturn.NONE && statusAtEntry != 0) {
            disowned++;
        } else if (ret != IrqReturn.NONE && !own) {
            foreignClaims++;
        }
        if (ret != IrqReturn.NONE && completes) {
            handlingCompleted();
        }
        inHandler = false;
    }

    /** A threaded handler is about to run: its register accesses are judged like a hard handler's. */
    synchronized void threadEntered() {
        inHandler = true;
        latchesAtInvocation = latches;
    }

    /** The threaded handler returned: the handling of the interrupt is complete. */
    synchronized void threadReturned() {
        handlingCompleted();
        inHandler = false;
    }

    private void handlingCompleted() {
        if (ackedWithData) {
            ackedUndrained++;                   // RX cleared over samples nobody read afterwards
            ackedWithData = false;
        }
        if ((status & statusAtEntry) != 0 && latches == latchesAtEntry) {
            leftUncleared++;                    // HANDLED, and what asserted the line is still set
        }
        if (count > 0 && (status & RX) == 0) {
            strandedRuns++;                     // samples left behind, and nothing latched to raise them
        }
    }

    /** Samples in the FIFO with RX clear: nothing will raise them until the FIFO empties, which needs a reader. */
    public synchronized int stranded() {
        return (status & RX) == 0 ? count : 0;
    }

    public synchronized Counters counters() {
        return new Counters(raised, popped, overruns, count, ownInterrupts, disowned, foreignClaims, leftUncleared, ackedUndrained,
                strandedRuns);
    }

    /**
     * What the device did and saw in a run. Hardware conservation: {@code raised == popped + overruns + inFifo}.
     *
     * @param raised        samples the hardware received
     * @param popped        samples a driver read from DATA
     * @param overruns      samples lost to a full FIFO
     * @param inFifo        samples in the FIFO now
     * @param ownInterrupts handler runs that found this device's status set
     * @param disowned      handler runs that returned NONE while this device was asserting
     * @param foreignClaims handler runs that returned HANDLED or WAKE_THREAD while this device had raised nothing
     * @param leftUncleared handlings that completed with the status bits that raised them still set
     * @param ackedUndrained handlings that cleared RX while the FIFO held samples, and read none of them afterwards
     * @param strandedRuns  handlings that completed with samples in the FIFO and RX clear
     */
    public record Counters(long raised, long popped, long overruns, long inFifo, long ownInterrupts, long disowned, long foreignClaims,
                           long leftUncleared, long ackedUndrained, long strandedRuns) {
        public boolean conserved() {
            return raised == popped + overruns + inFifo;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
