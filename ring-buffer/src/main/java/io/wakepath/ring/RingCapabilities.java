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
 */
public record RingCapabilities(Topology topology, Set<OverflowPolicy> sharedPolicies, boolean byteStream,
                               boolean broadcast) {

    public RingCapabilities {
        sharedPolicies = Set.copyOf(sharedPolicies);
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
