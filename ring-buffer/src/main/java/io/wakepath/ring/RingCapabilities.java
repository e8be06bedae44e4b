package io.wakepath.ring;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a ring strategy supports, declared once by the strategy class and used both by its constructor (which refuses
 * anything else with a clear message) and by the registry, the tests and the benchmarks (which enumerate it).
 *
 * @param topology      how many producers and consumers may run at once
 * @param sharedPolicies the overflow policies supported with {@link ReaderMode#SHARED} frames
 * @param byteStream    whether {@link Framing#BYTE_STREAM} is supported (with the shared policies other than
 *                      {@code DROP_OLDEST})
 * @param broadcast     whether {@link ReaderMode#BROADCAST} is supported
 * @param minCapacity   the smallest capacity it holds exactly (a structure that rounds small capacities up, as
 *                      JCTools rounds 2 up to 4, declares the smallest it keeps; 2 for most)
 * @param bounded       whether it fills up at all: an unbounded queue never refuses an event, so the overflow
 *                      policies and the tests of a full ring do not apply to it
 * @param maxCapacity   the largest capacity it can allocate ({@link RingConfig#MAX_CAPACITY} for most; a ring with
 *                      more slots than events declares less)
 */
public record RingCapabilities(Topology topology, Set<OverflowPolicy> sharedPolicies, boolean byteStream,
                               boolean broadcast, int minCapacity, boolean bounded, int maxCapacity) {

    public RingCapabilities {
        sharedPolicies = Set.copyOf(sharedPolicies);
        if (minCapacity < 2 || Integer.bitCount(minCapacity) != 1) {
            throw new IllegalArgumentException("minCapacity must be a power of two of at least 2, got " + minCapacity);
        }
        if (maxCapacity < minCapacity || maxCapacity > RingConfig.MAX_CAPACITY) {
            throw new IllegalArgumentException("maxCapacity must lie between minCapacity and " + RingConfig.MAX_CAPACITY
                    + ", got " + maxCapacity);
        }
    }

    /** Holding capacities from {@code minCapacity} up to the config rules' largest. */
    public RingCapabilities(Topology topology, Set<OverflowPolicy> sharedPolicies, boolean byteStream,
                            boolean broadcast, int minCapacity, boolean bounded) {
        this(topology, sharedPolicies, byteStream, broadcast, minCapacity, bounded, RingConfig.MAX_CAPACITY);
    }

    /** A bounded ring that holds any capacity the config rules allow. */
    public RingCapabilities(Topology topology, Set<OverflowPolicy> sharedPolicies, boolean byteStream,
                            boolean broadcast) {
        this(topology, sharedPolicies, byteStream, broadcast, 2, true);
    }

    /** The same, holding capacities from {@code minCapacity} up. */
    public RingCapabilities withMinCapacity(int minCapacity) {
        return new RingCapabilities(topology, sharedPolicies, byteStream, broadcast, minCapacity, bounded, maxCapacity);
    }

    /** The same, holding capacities up to {@code maxCapacity}. */
    public RingCapabilities withMaxCapacity(int maxCapacity) {
        return new RingCapabilities(topology, sharedPolicies, byteStream, broadcast, minCapacity, bounded, maxCapacity);
    }

    /** Whether a ring of {@code capacity} events is full after exactly that many (what a test of a full ring needs). */
    public boolean holdsExactly(int capacity) {
        return bounded && capacity >= minCapacity && capacity <= maxCapacity;
    }

    /** Everything: a ring guarded by one lock can do whatever the config rules allow. */
    public static RingCapabilities everything() {
        return new RingCapabilities(Topology.MPMC, EnumSet.allOf(OverflowPolicy.class), true, true);
    }

    public boolean supports(RingConfig config) {
        return whyNot(config) == null;
    }

    /** {@code null} when {@code config} is supported, otherwise the reason. */
    public String whyNot(RingConfig config) {
        if (config.capacity() < minCapacity) {
            return "a capacity below " + minCapacity + " (asked for " + config.capacity() + ")";
        }
        if (config.capacity() > maxCapacity) {
            return "a capacity above " + maxCapacity + " (asked for " + config.capacity() + ")";
        }
        if (config.readers() == ReaderMode.BROADCAST) {
            return broadcast ? null : "broadcast readers";
        }
        if (!sharedPolicies.contains(config.policy())) {
            return config.policy() + " (supported: " + sharedPolicies + ")";
        }
        if (config.framing() == Framing.BYTE_STREAM && !byteStream) {
            return "byte-stream framing";
        }
        return null;
    }

    /** Called by constructors: a clear error instead of a ring that silently misbehaves. */
    public void require(Class<?> ring, RingConfig config) {
        String why = whyNot(config);
        if (why != null) {
            throw new IllegalArgumentException(ring.getSimpleName() + " does not support " + why);
        }
    }
}
