package io.wakepath.bench;

import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.Topology;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

import one.profiler.AsyncProfilerLoader;

import java.io.IOException;
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
 * JMH's async-profiler integration ({@code -prof async}, {@code -prof async:output=text;threads=true}) gets the
 * library's path filled in ({@code libPath}, from the ap-loader jar packaged here) unless it names one.
 */
public final class BenchMain {
    /** The parameter naming the strategy of the wait-queue benchmarks. */
    static final String WAIT_QUEUE_PARAM = "waitqueue";
    /** The parameter naming the strategy of the poll benchmarks. */
    static final String POLL_PARAM = "poll";
    /** JMH's name for its async-profiler integration. */
    private static final String ASYNC = "async";
    /** Loading a native library from the class path without a warning (JDK 22 on warns). */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all;
        try {
            all = withDefaults(args);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks.jar: " + e.getMessage());
            System.exit(2);
            return;
        }
        org.openjdk.jmh.Main.main(all.toArray(String[]::new));
    }

    static List<String> withDefaults(String[] args) {
        checkEventProperty(args);
        List<String> all = new ArrayList<>(List.of(args));
        List<String> forkArgs = BenchCommand.forkJvmArgs();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).equals("-prof") && isAsync(all.get(i + 1))) {
                all.set(i + 1, withAsyncProfilerPath(all.get(i + 1)));
                if (!forkArgs.contains(NATIVE_ACCESS)) {
                    forkArgs.add(NATIVE_ACCESS);      // the profiler's library is loaded in the fork
                }
            }
        }
        for (Topology topology : BenchQueues.TOPOLOGIES) {
            addDefault(all, args, paramName(topology), BenchQueues.ids(topology));
        }
        addDefault(all, args, WAIT_QUEUE_PARAM, WaitQueueStrategies.REGISTRY.all().stream().map(WaitQueueStrategy::id).toList());
        addDefault(all, args, POLL_PARAM, PollStrategies.REGISTRY.all().stream().map(PollStrategy::id).toList());
        // A -jvmArgsAppend on the command line replaces the annotation's: keep the forks' own arguments in it.
        String ours = String.join(" ", forkArgs);
        int given = all.indexOf("-jvmArgsAppend");
        if (given >= 0 && given + 1 < all.size()) {
            all.set(given + 1, all.get(given + 1) + " " + ours);
        } else {
            all.add("-jvmArgsAppend");
            all.add(ours);
        }
        return all;
    }

    /**
     * A {@value BenchQueue#EVENT_PROPERTY} for the forks ({@code -jvmArgs}, {@code -jvmArgsAppend},
     * {@code -jvmArgsPrepend}) must be a long: checked here, before a fork fails on it.
     */
    static void checkEventProperty(String[] args) {
        String flag = "-D" + BenchQueue.EVENT_PROPERTY + "=";
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].startsWith("-jvmArgs")) {
                for (String arg : args[i + 1].trim().split("\\s+")) {
                    if (arg.startsWith(flag)) {
                        BenchQueue.event(arg.substring(flag.length()));
                    }
                }
            }
        }
    }

    /**
     * {@code async} or {@code async:OPTIONS} with the library's path added when the options do not give one; any other
     * profiler unchanged.
     *
     * @throws IllegalArgumentException when this platform has no such library or it cannot be unpacked
     */
    static String withAsyncProfilerPath(String profiler) {
        if (!isAsync(profiler) || profiler.contains("libPath=")) {
            return profiler;
        }
        if (!AsyncProfilerLoader.isSupported()) {
            throw new IllegalArgumentException("-prof async: async-profiler has no library for this platform ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
        }
        String libPath;
        try {
            libPath = "libPath=" + AsyncProfilerLoader.getAsyncProfilerPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("-prof async: could not unpack async-profiler's library: "
                    + e.getMessage());
        }
        return profiler.equals(ASYNC) ? ASYNC + ":" + libPath : profiler.replaceFirst(":", ":" + libPath + ";");
    }

    private static boolean isAsync(String profiler) {
        return profiler.equals(ASYNC) || profiler.startsWith(ASYNC + ":");
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
