package io.wakepath.bench;

import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.Topology;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Main class of {@code benchmarks.jar}: JMH's own command line, plus the contender lists taken from the registries
 * unless given with {@code -p spsc=...}, {@code -p mpsc=...}, {@code -p mpmc=...} (ring throughput) or
 * {@code -p waitqueue=...} (wait-queue costs) or {@code -p poll=...} (poll and epoll costs):
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar SpscRingThroughput -f 1 -wi 3 -i 5
 *   java -jar benchmarks/target/benchmarks.jar SpscRingThroughput -p spsc=spsc-release-acquire,jctools-spsc-array-queue
 * </pre>
 */
public final class BenchMain {
    /** The parameter naming the strategy of the wait-queue benchmarks. */
    static final String WAIT_QUEUE_PARAM = "waitqueue";
    /** The parameter naming the strategy of the poll benchmarks. */
    static final String POLL_PARAM = "poll";
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(withDefaults(args).toArray(String[]::new));
    }

    static List<String> withDefaults(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (Topology topology : BenchQueues.TOPOLOGIES) {
            addDefault(all, args, paramName(topology), BenchQueues.ids(topology));
        }
        addDefault(all, args, WAIT_QUEUE_PARAM, WaitQueueStrategies.REGISTRY.all().stream().map(WaitQueueStrategy::id).toList());
        addDefault(all, args, POLL_PARAM, PollStrategies.REGISTRY.all().stream().map(PollStrategy::id).toList());
        // A -jvmArgsAppend on the command line replaces the annotation's: keep the forks' own arguments in it.
        String ours = String.join(" ", BenchCommand.forkJvmArgs());
        int given = all.indexOf("-jvmArgsAppend");
        if (given >= 0 && given + 1 < all.size()) {
            all.set(given + 1, all.get(given + 1) + " " + ours);
        } else {
            all.add("-jvmArgsAppend");
            all.add(ours);
        }
        return all;
    }

    private static void addDefault(List<String> all, String[] args, String param, List<String> ids) {
        if (!givesParam(args, param)) {
            all.add("-p");
            all.add(param + "=" + String.join(",", ids));
        }
    }

    /** The parameter of a topology's throughput benchmark: {@code spsc}, {@code mpsc}, {@code mpmc}. */
    static String paramName(Topology topology) {
        return topology.name().toLowerCase();
    }

    private static boolean givesParam(String[] args, String param) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-p") && args[i + 1].startsWith(param + "=")) {
                return true;
            }
        }
        return false;
    }
}
