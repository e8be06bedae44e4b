package io.wakepath.stress.harness;

import io.wakepath.core.Failure;
import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.UsageException;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A user's class put through the same catalogue as the registered strategies ({@code --target LAYER=CLASS --classpath
 * PATH}). It is expected to be correct: anything the catalogue catches in it is reported as a race. What a class must
 * offer is its layer's ({@link LayerBinding#targetContract()}); everything is checked before anything runs, each
 * refusal a one-line usage error, down to making one instance in the host (a class whose dependencies are missing
 * fails there, not in every forked VM). In the forked VMs the strategy property names the class as
 * {@code class:<name>}, and the class path includes the user's.
 *
 * @param binding   the layer it implements
 * @param className its fully qualified name
 * @param classpath the user's class path entries (jars or folders), checked to exist
 */
public record Target(LayerBinding binding, String className, List<Path> classpath) {
    /** How the strategy property names a class instead of a registry id. */
    public static final String PREFIX = "class:";

    /**
     * Parses {@code LAYER=CLASS} and the {@code --classpath} value, and checks that the class can be used.
     *
     * @param bindings the binding of a layer id ({@link UsageException} for an unknown one)
     */
    public static Target parse(String spec, String classpath, Function<String, LayerBinding> bindings) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UsageException("--target needs LAYER=CLASS (e.g. ring=com.example.MyRing), got '" + spec + "'");
        }
        LayerBinding binding = bindings.apply(spec.substring(0, eq));
        binding.notTargetable().ifPresent(why -> {
            throw new UsageException(why);
        });
        List<Path> entries = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.isEmpty()) {
                    continue;
                }
                Path p = Path.of(entry).toAbsolutePath();
                if (!Files.exists(p)) {
                    throw new UsageException("--classpath entry not found: " + entry);
                }
                entries.add(p);
            }
        }
        Target target = new Target(binding, spec.substring(eq + 1), List.copyOf(entries));
        try {
            binding.makeOne(target.strategy());         // refuses an unusable class now, with its reason
        } catch (LinkageError e) {
            throw new UsageException(target.className + " needs classes that are not on --classpath ("
                    + missing(e) + "): add the jars it depends on");
        } catch (IllegalArgumentException | IllegalStateException refusedOrFailed) {
            if (refusedOrFailed.getCause() instanceof LinkageError e) {
                throw new UsageException(target.className + " needs classes that are not on --classpath ("
                        + missing(e) + "): add the jars it depends on");
            }
            // a shape the class refuses, or a constructor that fails for its own reasons: the checks will say
        }
        return target;
    }

    public Layer layer() {
        return binding.layer();
    }

    /** The strategy wrapping the class, loaded from the class path. @throws UsageException when unusable */
    public Strategy strategy() {
        return strategy(new URLClassLoader(urls(), Target.class.getClassLoader()));
    }

    /** The value of the strategy property that makes a forked VM load this class. */
    public String property() {
        return PREFIX + className;
    }

    /** The class path entries joined for a {@code -cp} option. */
    public String joinedClasspath() {
        return String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList());
    }

    /** The strategy wrapping the class, loaded through {@code loader}. @throws UsageException when unusable */
    public Strategy strategy(ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("class " + className + " not found on --classpath "
                    + (classpath.isEmpty() ? "(none given)" : joinedClasspath())
                    + (e instanceof LinkageError l ? " (" + missing(l) + ")" : ""));
        }
        return binding.wrap(type);
    }

    /**
     * In a forked VM: the strategy named by a {@code class:} property value, loaded from the class path.
     *
     * @throws IllegalStateException when the class is not usable (the host checked it before forking)
     */
    public static Strategy resolve(LayerBinding binding, String value) {
        try {
            return new Target(binding, value.substring(PREFIX.length()), List.of())
                    .strategy(Target.class.getClassLoader());
        } catch (UsageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private URL[] urls() {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UsageException("bad --classpath entry " + classpath.get(i) + ": " + e.getMessage());
            }
        }
        return urls;
    }

    // ---- for the bindings' wrap(): the checks every kind of target shares

    /** What a user's class is in the tables: its name, expected correct. */
    public static StrategyInfo info(Class<?> type, Layer layer) {
        return new StrategyInfo(type.getName(), layer, type, null,
                "your " + layer.id() + " class, from --classpath (expected correct)");
    }

    /**
     * The public constructor taking {@code parameters} of a public, concrete class implementing {@code contract}.
     *
     * @throws UsageException naming what is missing
     */
    public static Constructor<?> constructor(Class<?> type, Class<?> contract, Class<?>... parameters) {
        if (!contract.isAssignableFrom(type)) {
            throw new UsageException(type.getName() + " does not implement " + contract.getName());
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new UsageException(type.getName() + " must be a public, concrete class");
        }
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new UsageException(type.getName() + " needs a public constructor " + type.getSimpleName() + "("
                    + String.join(", ", Arrays.stream(parameters).map(Class::getSimpleName).toList()) + ")");
        }
    }

    /** A new instance; a constructor's own runtime exception passes through (a ring refusing a shape). */
    public static Object instantiate(Constructor<?> c, Object... args) {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c.getDeclaringClass().getName() + " could not be made: "
                    + Failure.of(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getDeclaringClass().getName() + " could not be made: "
                    + Failure.of(e), e);
        }
    }

    /** The class a linkage failure could not find, or the failure in one line. */
    private static String missing(LinkageError e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof ClassNotFoundException || root instanceof NoClassDefFoundError
                ? "missing: " + String.valueOf(root.getMessage()).replace('/', '.')
                : Failure.of(e);
    }
}
