package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.JcstressRun.Status;
import io.wakepath.stress.JcstressRun.TestResult;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts the happens-before checker ({@link JmmCheck}) for one strategy: a VM with the race detector's agent
 * ({@code jmm/target/jmm-agent.jar}), whose class path puts the layers' own jars (ring-buffer, waitqueue, poll) before
 * {@code jcstress.jar}, so that the code under test is loaded from them and instrumented, and the harness from
 * {@code jcstress.jar}, which is not. A user's {@code --classpath} is instrumented too: every class a target brings.
 */
final class JmmChild {
    /** The modules whose classes are under test: the layers with strategies the checker covers. */
    private static final List<String> LAYER_MODULES = List.of("ring-buffer", "waitqueue", "poll");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path agent;
    private final List<Path> layerJars;

    private JmmChild(Path agent, List<Path> layerJars) {
        this.agent = agent;
        this.layerJars = layerJars;
    }

    /**
     * The checker next to {@code ownJar} ({@code <root>/stress-tests/target/jcstress.jar}).
     *
     * @throws IllegalStateException when the agent or a layer's jar is not built
     */
    static JmmChild beside(Path ownJar) throws IOException {
        Path root = ownJar.toAbsolutePath().getParent().getParent().getParent();
        Path agent = root.resolve("jmm/target/jmm-agent.jar");
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException("the race detector's agent is not built: " + agent + " (./mvnw package)");
        }
        List<Path> jars = new ArrayList<>();
        for (String module : LAYER_MODULES) {
            Path target = root.resolve(module).resolve("target");
            try (Stream<Path> files = Files.list(target)) {
                jars.add(files.filter(f -> f.getFileName().toString().startsWith(module + "-")
                                && f.getFileName().toString().endsWith(".jar")
                                && !f.getFileName().toString().contains("sources"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no " + module + " jar in " + target)));
            }
        }
        return new JmmChild(agent, List.copyOf(jars));
    }

    /** Whether the checker has workloads for {@code strategy} (drivers are compositions: their parts are checked). */
    boolean covers(LayerBinding binding, Strategy strategy) {
        return !binding.jmmWorkloads(strategy).isEmpty();
    }

    List<TestResult> run(Path ownJar, List<Path> userClasspath, List<String> forkArgs, Layer layer, String selects,
                         Path dir) throws IOException, InterruptedException {
        List<Path> instrumented = new ArrayList<>(layerJars);
        instrumented.addAll(userClasspath);
        List<Path> classpath = new ArrayList<>(List.of(agent));
        classpath.addAll(layerJars);
        classpath.add(ownJar);
        classpath.addAll(userClasspath);
        List<String> jvmArgs = new ArrayList<>(forkArgs);
        jvmArgs.add("-javaagent:" + agent + "=" + join(instrumented));
        return ChildRun.run("JMM", join(classpath), io.wakepath.stress.layers.JmmCheck.class.getName(), jvmArgs,
                List.of(layer.id(), selects, dir.toString()), dir.resolve("jmm-console.txt"), TIMEOUT, Status.HUNG);
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
