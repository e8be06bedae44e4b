package io.wakepath.ring;

import org.openjdk.jmh.annotations.Param;

/** {@link RingThroughput} for MPSC: producer threads (one per -tg), one consumer thread; every ring of ours usable as MPSC, and the MPSC peers. */
public class MpscRingThroughput extends RingThroughput {
    /** The contender: {@value RingThroughput#FROM_REGISTRY} stands for the registries' list, filled in at run time. */
    @Param(FROM_REGISTRY)
    public String mpsc;

    @Override
    Topology topology() {
        return Topology.MPSC;
    }

    @Override
    String contender() {
        return mpsc;
    }
}
