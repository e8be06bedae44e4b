package io.wakepath.ring;

import org.openjdk.jmh.annotations.Param;

/** {@link RingThroughput} for SPSC: one producer thread, one consumer thread; every ring of ours usable as SPSC, and the SPSC peers. */
public class SpscRingThroughput extends RingThroughput {
    /** The contender: {@value RingThroughput#FROM_REGISTRY} stands for the registries' list, filled in at run time. */
    @Param(FROM_REGISTRY)
    public String spsc;

    @Override
    Topology topology() {
        return Topology.SPSC;
    }

    @Override
    String contender() {
        return spsc;
    }
}
