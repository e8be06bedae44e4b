package io.wakepath.stress.harness;

import org.jetbrains.lincheck.Lincheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child-JVM side of model checking: runs named scenarios under Lincheck's model checker, which explores thread
 * interleavings (sequentially consistent ones: it does not model store buffering, timeouts or interrupts) and
 * reports a thread that never finishes as a hang, with the interleaving that leads to it. Prints one line per
 * scenario, {@code MODEL <name> OK|FAILED|INCONCLUSIVE [what it saw]}, and writes each failure's trace (the
 * interleaving) to {@code <out>/model-<name>.txt}. {@link ChildRun} starts it and reads the lines.
 *
 * <p>Only a failure the checker can show (an interleaving) is a verdict on the class. When the checker cannot explore
 * the class (it reports a hang or an error without an interleaving, or a scenario outlasts {@link #SCENARIO_SECONDS})
 * the scenario is {@code INCONCLUSIVE}, with the reason, and the class is judged by the other checkers.
 */
public final class ModelChecks {
    /** Enough to find the lost wakeups of the catalogue in about a second each (measured: under 2 s). */
    static final int INVOCATIONS = 300;
    /** A scenario takes under 2 s here (registered strategies); one unfinished at 20 s is not going to finish. */
    static final int SCENARIO_SECONDS = 20;

    private ModelChecks() {
    }

    /**
     * Runs {@code scenarios} in order, then ends the VM (a checker that could not explore a class may leave threads
     * behind). A scenario's body starts its threads and joins them; its state must be reachable through static
     * fields (Lincheck treats an object reached only through lambda captures as thread-local and never switches
     * threads around it).
     */
    public static void run(String[] args, Map<String, Runnable> scenarios) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: <main> OUTPUT_DIR");
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        boolean stuck = false;
        for (Map.Entry<String, Runnable> scenario : scenarios.entrySet()) {
            String name = scenario.getKey();
            if (stuck) {
                System.out.println("MODEL " + name + " INCONCLUSIVE not run: the model checker did not finish the "
                        + "scenario before it");
                continue;
            }
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    Lincheck.runConcurrentTest(INVOCATIONS, scenario.getValue());
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "model-" + name);
            runner.setDaemon(true);
            runner.start();
            runner.join(SCENARIO_SECONDS * 1000L);
            if (runner.isAlive()) {
                stuck = true;
                System.out.println("MODEL " + name + " INCONCLUSIVE the model checker did not finish in "
                        + SCENARIO_SECONDS + " s (a hang it cannot show, or code it cannot explore)");
            } else if (failure.get() == null) {
                System.out.println("MODEL " + name + " OK");
            } else {
                System.out.println("MODEL " + name + " " + judge(failure.get(), out.resolve("model-" + name + ".txt")));
            }
            System.out.flush();
        }
        Runtime.getRuntime().halt(0);
    }

    /** FAILED with the trace when the checker showed an interleaving; INCONCLUSIVE with its words otherwise. */
    static String judge(Throwable failure, Path trace) throws IOException {
        String report = String.valueOf(failure.getMessage());
        Files.writeString(trace, report);
        if (report.contains("interleaving")) {
            return (report.contains("hung") ? "FAILED a thread never returned; the interleaving that leads there: "
                    : "FAILED the class failed; the interleaving that leads there: ") + trace;
        }
        String first = report.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse(Failures.reason(failure));
        return "INCONCLUSIVE the model checker could not show an interleaving (\"" + first.replace("=", "").strip()
                + "\"): it could not explore this class; " + trace;
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
