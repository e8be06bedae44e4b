package io.wakepath.stress;

import org.jetbrains.lincheck.Lincheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child-JVM side of model checking: runs named scenarios under Lincheck's model checker, which explores thread
 * interleavings (sequentially consistent ones: it does not model store buffering, timeouts or interrupts) and
 * reports a thread that never finishes as a hang, with the interleaving that leads to it. Prints one line per
 * scenario, {@code MODEL <name> OK|FAILED|ERROR [what it saw]}, and writes each failure's trace (the interleaving) to
 * {@code <out>/model-<name>.txt}. {@link ChildRun} starts it and reads the lines.
 */
public final class ModelChecks {
    /** Enough to find the lost wakeups of the catalogue in about a second each (measured: under 2 s). */
    static final int INVOCATIONS = 300;

    private ModelChecks() {
    }

    /**
     * Runs {@code scenarios} in order. A scenario's body starts its threads and joins them; its state must be
     * reachable through static fields (Lincheck treats an object reached only through lambda captures as
     * thread-local and never switches threads around it).
     */
    public static void run(String[] args, Map<String, Runnable> scenarios) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: <main> OUTPUT_DIR");
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        for (Map.Entry<String, Runnable> scenario : scenarios.entrySet()) {
            String name = scenario.getKey();
            try {
                Lincheck.runConcurrentTest(INVOCATIONS, scenario.getValue());
                System.out.println("MODEL " + name + " OK");
            } catch (Throwable failure) {
                String report = String.valueOf(failure.getMessage());
                Path trace = out.resolve("model-" + name + ".txt");
                Files.writeString(trace, report);
                // A verdict needs the interleaving; a hang the checker cannot explain is the checker's problem.
                boolean explained = report.contains("interleaving");
                System.out.println("MODEL " + name + (explained
                        ? " FAILED a thread never returned; the interleaving that leads there: " + trace
                        : " ERROR the model checker gave no interleaving: " + trace));
            }
            System.out.flush();
        }
    }

    /** Starts one thread per body and joins them all: the shape of every scenario. */
    public static void runThreads(Runnable... bodies) {
        Thread[] threads = new Thread[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            threads[i] = new Thread(bodies[i]);
            threads[i].start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
