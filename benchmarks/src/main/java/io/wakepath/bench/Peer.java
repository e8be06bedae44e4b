package io.wakepath.bench;

import io.wakepath.ring.Topology;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.IntFunction;

/**
 * The structures people would pick instead of ours, measured in the same run as baselines: the registry of peers
 * (ours are in {@link io.wakepath.ring.RingStrategies}). Each runs in the benchmarks of the topologies it is built for.
 */
public enum Peer {
    JCTOOLS_SPSC("jctools-spsc-array-queue", EnumSet.of(Topology.SPSC), c -> JavaQueue.of(new SpscArrayQueue<>(c))),
    AGRONA_ONE_TO_ONE("agrona-one-to-one", EnumSet.of(Topology.SPSC),
            c -> JavaQueue.of(new OneToOneConcurrentArrayQueue<>(c))),
    DISRUPTOR_SINGLE_PRODUCER("disruptor-single-producer", EnumSet.of(Topology.SPSC), DisruptorQueue::singleProducer),
    JCTOOLS_MPSC("jctools-mpsc-array-queue", EnumSet.of(Topology.MPSC), c -> JavaQueue.of(new MpscArrayQueue<>(c))),
    AGRONA_MANY_TO_ONE("agrona-many-to-one", EnumSet.of(Topology.MPSC),
            c -> JavaQueue.of(new ManyToOneConcurrentArrayQueue<>(c))),
    DISRUPTOR_MULTI_PRODUCER("disruptor-multi-producer", EnumSet.of(Topology.MPSC), DisruptorQueue::multiProducer),
    JCTOOLS_MPMC("jctools-mpmc-array-queue", EnumSet.of(Topology.MPMC), c -> JavaQueue.of(new MpmcArrayQueue<>(c))),
    AGRONA_MANY_TO_MANY("agrona-many-to-many", EnumSet.of(Topology.MPMC),
            c -> JavaQueue.of(new ManyToManyConcurrentArrayQueue<>(c))),
    /** The java.util.concurrent baseline: one lock, two conditions. */
    ARRAY_BLOCKING_QUEUE("array-blocking-queue", EnumSet.allOf(Topology.class),
            c -> JavaQueue.of(new ArrayBlockingQueue<>(c)));

    private final String id;
    private final Set<Topology> topologies;
    private final IntFunction<BenchQueue> factory;

    Peer(String id, Set<Topology> topologies, IntFunction<BenchQueue> factory) {
        this.id = id;
        this.topologies = topologies;
        this.factory = factory;
    }

    public String id() {
        return id;
    }

    public boolean runsIn(Topology topology) {
        return topologies.contains(topology);
    }

    BenchQueue create(int capacity) {
        return factory.apply(capacity);
    }
}
