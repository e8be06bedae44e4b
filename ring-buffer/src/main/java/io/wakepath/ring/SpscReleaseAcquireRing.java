package io.wakepath.ring;

/**
 * The SPSC ring with release/acquire index hand-offs: {@code smp_store_release(tail)} after the slot store,
 * {@code smp_load_acquire(tail)} before the slot loads, and the same for {@code head} in the other direction, as in
 * {@code Documentation/core-api/circular-buffers.rst}. On x86 every one of these is a plain {@code mov}: the
 * cheapest correct SPSC ring, and the one to use.
 *
 * @see SpscVolatileRing the same with volatile (sequentially consistent) hand-offs
 * @see BrokenPlainPublishRing the same with the ordering missing
 */
public final class SpscReleaseAcquireRing extends SpscRing {
    public static final RingCapabilities CAPABILITIES = SPSC_CAPABILITIES;

    public SpscReleaseAcquireRing(RingConfig config) {
        super(config);
    }

    @Override
    void publish(long[] buffer, int index, long event, long newTail) {
        SLOT.setOpaque(buffer, index, event);
        TAIL.setRelease(this, newTail);        // so: publishes the slot stored above. Pairs with la in observeTail.
    }

    @Override
    long observeTail() {
        return (long) TAIL.getAcquire(this);   // la: slot loads after it see what publish stored. Pairs with so.
    }

    @Override
    void releaseHead(long newHead) {
        HEAD.setRelease(this, newHead);        // so: slot loads above are done before reuse. Pairs with la in observeHead.
    }

    @Override
    long observeHead() {
        return (long) HEAD.getAcquire(this);   // la: the slot stores after it cannot overtake the reads. Pairs with so.
    }
}
