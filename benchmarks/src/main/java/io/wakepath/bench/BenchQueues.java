package io.wakepath.bench;

import io.wakepath.core.UsageException;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.ring.Topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The contenders of a throughput benchmark: our ring strategies and the peers, by id. */
public final class BenchQueues {
    /** The topologies with a throughput benchmark (one per topology class in io.wakepath.ring), in table order. */
    public static final List<Topology> TOPOLOGIES = List.of(Topology.SPSC, Topology.MPSC, Topology.MPMC);

    private BenchQueues() {
    }

    /** Our strategies usable with {@code topology}, then its peers: the values of that benchmark's parameter. */
    public static List<String> ids(Topology topology) {
        List<String> ids = new ArrayList<>(ours(topology).stream().map(RingStrategy::id).toList());
        Arrays.stream(Peer.values()).filter(p -> p.runsIn(topology)).map(Peer::id).forEach(ids::add);
        return ids;
    }

    public static List<RingStrategy> ours(Topology topology) {
        return RingStrategies.REGISTRY.all().stream().filter(s -> s.topology().covers(topology)).toList();
    }

    public static Optional<Peer> peer(String id) {
        return Arrays.stream(Peer.values()).filter(p -> p.id().equals(id)).findFirst();
    }

    /** A contender for a benchmark of {@code topology}, with {@code capacity} slots. */
    public static BenchQueue create(String id, Topology topology, int capacity) {
        if (!ids(topology).contains(id)) {
            throw new UsageException("'" + id + "' is not a " + topology + " contender (known: " + ids(topology) + ")");
        }
        Optional<Peer> peer = peer(id);
        if (peer.isPresent()) {
            return peer.get().create(capacity);
        }
        return new RingQueue(RingStrategies.REGISTRY.byId(id).create(RingConfig.of(capacity)));
    }
}
