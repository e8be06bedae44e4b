package io.wakepath.ring;

/**
 * The SPSC ring with volatile index hand-offs: what a Java programmer writes first ({@code volatile long tail}).
 * Correct, but stronger than the ring needs: on x86 each volatile store is followed by a full fence
 * ({@code lock addl}), which stalls the producer and the consumer on every index update.
 *
 * @see SpscReleaseAcquireRing the same with just the ordering the ring needs
 */
public final class SpscVolatileRing extends SpscRing {
    public static final RingCapabilities CAPABILITIES = SPSC_CAPABILITIES;

    public SpscVolatileRing(RingConfig config) {
        super(config);
    }

    @Override
    void publish(long[] buffer, int index, long event, long newTail) {
        SLOT.setOpaque(buffer, index, event);
        TAIL.setVolatile(this, newTail);       // sv: publishes the slot stored above. Pairs with lv in observeTail.
    }

    @Override
    long observeTail() {
        return (long) TAIL.getVolatile(this);  // lv: pairs with sv in publish.
    }

    @Override
    void releaseHead(long newHead) {
        HEAD.setVolatile(this, newHead);       // sv: pairs with lv in observeHead.
    }

    @Override
    long observeHead() {
        return (long) HEAD.getVolatile(this);  // lv: pairs with sv in releaseHead.
    }
}
