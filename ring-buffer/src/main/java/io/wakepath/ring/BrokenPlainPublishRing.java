package io.wakepath.ring;

/**
 * BROKEN on purpose. Bug class: <b>index published before data</b> (the missing {@code smp_wmb()} /
 * {@code smp_store_release()} of a ring's producer).
 *
 * <p>Every index hand-off is a plain access, so nothing orders the slot store before the tail store. A weakly
 * ordered CPU (or the JIT) may make them visible in either order; this class writes them in the bad order, tail
 * first, so the bug shows on x86 too:
 * <pre>
 *   producer                          consumer
 *   tail = t + 1;      (plain)
 *                                     if (tail > t)        sees t + 1
 *                                        e = slot[t];      reads the old value
 *   slot[t] = event;   (plain)
 * </pre>
 * The consumer takes a slot that was never written for this lap: a stale or garbage event, and the real one is lost.
 * Sequential use is unaffected, which is why only a concurrent test catches it.
 *
 * @see SpscReleaseAcquireRing the correct sibling
 */
public final class BrokenPlainPublishRing extends SpscRing {
    public static final RingCapabilities CAPABILITIES = SPSC_CAPABILITIES;

    public BrokenPlainPublishRing(RingConfig config) {
        super(config);
    }

    @Override
    void publish(long[] buffer, int index, long event, long newTail) {
        TAIL.set(this, newTail);               // sp: BROKEN, the index is visible before the slot below
        buffer[index] = event;                 // sp
    }

    @Override
    long observeTail() {
        return (long) TAIL.get(this);          // lp: BROKEN, no acquire
    }

    @Override
    void releaseHead(long newHead) {
        HEAD.set(this, newHead);               // sp: BROKEN, no release
    }

    @Override
    long observeHead() {
        return (long) HEAD.get(this);          // lp: BROKEN, no acquire
    }
}
