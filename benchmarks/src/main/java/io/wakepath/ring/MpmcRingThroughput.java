package io.wakepath.ring;

import org.openjdk.jmh.annotations.Param;

/** {@link RingThroughput} for MPMC: producer and consumer threads (-tg P,C); every ring of ours usable as MPMC, and the MPMC peers. */
public class MpmcRingThroughput extends RingThroughput {
    /** The contender: {@value RingThroughput#FROM_REGISTRY} stands for the registries' list, filled in at run time. */
    @Param(FROM_REGISTRY)
    public String mpmc;

    @Override
    Topology topology() {
        return Topology.MPMC;
    }

    @Override
    String contender() {
        return mpmc;
    }
}
