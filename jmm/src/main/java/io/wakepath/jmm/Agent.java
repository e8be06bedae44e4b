package io.wakepath.jmm;

import java.io.File;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Java agent: {@code -javaagent:jmm-agent.jar=PATH[:PATH...]} instruments, as they load, the classes that come from
 * those class path entries (jars or folders): the classes under test. Never the JDK, never anything else (wakepath's
 * harness is on the class path from another jar). {@code -Dwakepath.jmm.only=PREFIX} narrows it to one package.
 */
public final class Agent {
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();
    private static final List<String> INSTRUMENTED = new CopyOnWriteArrayList<>();

    private Agent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        List<Path> roots = new ArrayList<>();
        for (String entry : (args == null ? "" : args).split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                roots.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        String only = System.getProperty("wakepath.jmm.only", "").replace('.', '/');
        instrumentation.addTransformer(new Transformer(roots, only));
    }

    /** Classes the agent could not instrument, with the reason (their races would go unseen). */
    public static List<String> failures() {
        return List.copyOf(FAILURES);
    }

    /** Classes instrumented so far. */
    public static List<String> instrumented() {
        return List.copyOf(INSTRUMENTED);
    }

    private record Transformer(List<Path> roots, String only) implements ClassFileTransformer {
        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
                                byte[] bytes) {
            if (loader == null || redefined != null || name == null || !name.startsWith(only)
                    || name.startsWith("io/wakepath/jmm/") && only.isEmpty() || !underTest(domain)) {
                return null;
            }
            try {
                byte[] out = Instrumenter.instrument(bytes, loader);
                INSTRUMENTED.add(name.replace('/', '.'));
                return out;
            } catch (Throwable t) {
                FAILURES.add(name.replace('/', '.') + ": " + t);
                return null;
            }
        }

        private boolean underTest(ProtectionDomain domain) {
            CodeSource source = domain == null ? null : domain.getCodeSource();
            if (source == null || source.getLocation() == null) {
                return false;
            }
            Path location;
            try {
                location = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            } catch (URISyntaxException | IllegalArgumentException e) {
                return false;
            }
            for (Path root : roots) {
                if (location.equals(root) || location.startsWith(root)) {
                    return true;
                }
            }
            return false;
        }
    }
}
