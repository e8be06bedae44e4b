package io.wakepath.bench;

import org.openjdk.jmh.infra.ThreadParams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a throughput benchmark's threads run. Java has no thread-affinity API; Linux lets a thread be pinned by its
 * id ({@code /proc/thread-self}) with {@code taskset}. When {@code wakepath bench} finds that this works and there is
 * a CPU for every benchmark thread, it asks the forks ({@value #PROPERTY}) to pin benchmark thread {@code i} to the
 * {@code i}-th CPU the process may use: a producer and a consumer then never share a CPU or migrate. The JVM's own
 * threads (JIT, GC) are not pinned.
 */
public final class Placement {
    /** The system property that asks a fork to pin its benchmark threads. */
    public static final String PROPERTY = "wakepath.pin";

    private Placement() {
    }

    /** In a fork: pins the calling benchmark thread when asked to; fails the trial when pinning fails. */
    public static void pinIfAsked(ThreadParams params) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        List<Integer> cpus = allowedCpus();
        if (params.getThreadCount() > cpus.size()) {
            return;                                            // not a CPU for every thread: pin none
        }
        int thread = params.getThreadIndex();
        pin(cpus.get(thread)).ifPresent(why -> {
            throw new IllegalStateException("cannot pin benchmark thread " + thread + ": " + why);
        });
    }

    /**
     * In the host: whether pinning works here, tried on a throwaway thread.
     *
     * @return empty when it does, else why not
     */
    static Optional<String> unavailableReason() {
        Optional<String>[] reason = new Optional[] {Optional.of("the trial thread did not finish")};
        List<Integer> cpus = allowedCpus();
        if (cpus.isEmpty()) {
            return Optional.of("no Cpus_allowed_list in /proc/self/status");
        }
        Thread trial = new Thread(() -> reason[0] = pin(cpus.get(0)), "wakepath-pin-trial");
        trial.start();
        try {
            trial.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return reason[0];
    }

    /** The CPUs this process may run on, in order ({@code Cpus_allowed_list}: "0-1", "0,2-3"); empty if unknown. */
    static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return parseCpuList(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: no pinning
        }
        return List.of();
    }

    static List<Integer> parseCpuList(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** Pins the calling thread to {@code cpu}; empty when done, else why not. */
    private static Optional<String> pin(int cpu) {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));   // "PID/task/TID"
            String tid = self.getFileName().toString();
            Process taskset = new ProcessBuilder("taskset", "-p", "-c", Integer.toString(cpu), tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!taskset.waitFor(5, TimeUnit.SECONDS)) {
                taskset.destroyForcibly();
                return Optional.of("taskset did not answer in 5 s");
            }
            return taskset.exitValue() == 0 ? Optional.empty()
                    : Optional.of("taskset exited with " + taskset.exitValue());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("no /proc/thread-self or taskset (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
