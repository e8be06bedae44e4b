package io.wakepath.irq;

/**
 * {@code note_interrupt} of {@code kernel/irq/spurious.c}: interrupts are counted in windows of 100,000; an
 * interrupt no handler claimed is unhandled, and the unhandled count restarts at 1 when the previous unhandled one is
 * more than 100 ms old (an occasional spurious interrupt is harmless). When a window ends with more than 99,900
 * unhandled, nobody cares about the line: it is disabled, and the run reports it.
 *
 * <p>Used by the interrupt CPU only; {@link #counts()} may be read from any thread.
 */
public final class SpuriousDetector {
    public static final int WINDOW = 100_000;
    public static final int NOBODY_CARED = 99_900;
    static final long UNHANDLED_GAP_NANOS = 100_000_000L;   // HZ/10

    private int irqCount;
    private int irqsUnhandled;
    private long lastUnhandledNanos;
    private volatile long total;
    private volatile long unhandledTotal;

    /** Notes one delivered interrupt. @return true when the line must be disabled now */
    boolean note(boolean handled, long nowNanos) {
        total++;
        if (!handled) {
            unhandledTotal++;
            if (irqsUnhandled == 0 || nowNanos - lastUnhandledNanos > UNHANDLED_GAP_NANOS) {
                irqsUnhandled = 1;
            } else {
                irqsUnhandled++;
            }
            lastUnhandledNanos = nowNanos;
        }
        if (++irqCount < WINDOW) {
            return false;
        }
        boolean nobodyCared = irqsUnhandled > NOBODY_CARED;
        irqCount = 0;
        irqsUnhandled = 0;
        return nobodyCared;
    }

    Counts counts() {
        return new Counts(total, unhandledTotal);
    }

    /** @param delivered interrupts delivered on the line; @param unhandled of which no handler claimed */
    public record Counts(long delivered, long unhandled) {
    }
}
