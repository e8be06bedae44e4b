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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A user's class put through the same catalogue as the registered strategies ({@code --target KIND=CLASS --classpath
 * PATH}). It is expected to be correct: anything the catalogue catches in it is reported as a race. What a class must
 * offer is its kind's ({@link TargetKind#contract()}); everything is checked before anything runs, each refusal a
 * one-line usage error, down to making one instance in the host (a class whose dependencies are missing fails there,
 * not in every forked VM). In the forked VMs the strategy property names the class as
 * {@code class:KIND:NAME[;OPTION=VALUE...]} ({@link #property()}), and the class path includes the user's.
 *
 * @param kind      how the class is checked (its binding runs the catalogue)
 * @param className its fully qualified name
 * @param options   the kind's options the user gave ({@code topology}), in the order given
 * @param classpath the user's class path entries (jars or folders), checked to exist
 */
public record Target(TargetKind kind, String className, Map<String, String> options, List<Path> classpath) {
    /** How the strategy property names a class instead of a registry id. */
    public static final String PREFIX = "class:";

    public Target {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        classpath = List.copyOf(classpath);
    }

    /**
     * Parses {@code KIND=CLASS}, the kind's options and the {@code --classpath} value, and checks that the class can
     * be used.
     *
     * @param options the options given on the command line by name ({@code topology}); refused when the kind has none
     *                of that name
     * @param kinds   the kind of an id ({@link UsageException} naming the known ones for an unknown id)
     */
    public static Target parse(String spec, String classpath, Map<String, String> options,
                               Function<String, TargetKind> kinds) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UsageException("--target needs KIND=CLASS (e.g. ring=com.example.MyRing), got '" + spec + "'");
        }
        TargetKind kind = kinds.apply(spec.substring(0, eq));
        for (String option : options.keySet()) {
            if (!kind.options().contains(option)) {
                throw new UsageException("--" + option + " does not apply to --target " + kind.id() + "=");
            }
        }
        Target target = new Target(kind, spec.substring(eq + 1), options, entries(classpath));
        try {
            target.binding().makeOne(target.strategy());     // refuses an unusable class now, with its reason
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

    private static List<Path> entries(String classpath) {
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
        return entries;
    }

    public LayerBinding binding() {
        return kind.binding();
    }

    public Layer layer() {
        return binding().layer();
    }

    /** The strategy wrapping the class, loaded from the class path. @throws UsageException when unusable */
    public Strategy strategy() {
        return strategy(new URLClassLoader(urls(), Target.class.getClassLoader()));
    }

    /** The value of the strategy property that makes a forked VM load this class: {@code class:KIND:NAME[;K=V]}. */
    public String property() {
        StringBuilder value = new StringBuilder(PREFIX).append(kind.id()).append(':').append(className);
        options.forEach((k, v) -> value.append(';').append(k).append('=').append(v));
        return value.toString();
    }

    /** {@code KIND=CLASS} and the options, as given on the command line. */
    public String spec() {
        StringBuilder spec = new StringBuilder(kind.id()).append('=').append(className);
        options.forEach((k, v) -> spec.append(" --").append(k).append(' ').append(v));
        return spec.toString();
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
        } catch (ClassNotFoundException e) {
            throw new UsageException("class " + className + " not found on --classpath "
                    + (classpath.isEmpty() ? "(none given)" : joinedClasspath()));
        } catch (LinkageError e) {                  // found, but what it extends or implements is not there
            throw new UsageException(className + " needs classes that are not on --classpath (" + missing(e)
                    + "): add the jars it depends on");
        }
        return kind.wrap().apply(type, options);
    }

    /**
     * In a forked VM: the strategy named by a {@code class:} property value, loaded from the class path.
     *
     * @throws IllegalStateException when the class is not usable (the host checked it before forking)
     */
    public static Strategy resolve(LayerBinding binding, String value) {
        try {
            String[] parts = value.substring(PREFIX.length()).split(";");
            int colon = parts[0].indexOf(':');
            String kindId = parts[0].substring(0, Math.max(colon, 0));
            TargetKind kind = binding.targetKinds().stream().filter(k -> k.id().equals(kindId)).findFirst()
                    .orElseThrow(() -> new UsageException("'" + value + "' is not a " + binding.layer().id()
                            + " target (" + PREFIX + "KIND:CLASS[;OPTION=VALUE])"));
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                options.put(parts[i].substring(0, Math.max(eq, 0)), parts[i].substring(eq + 1));
            }
            return new Target(kind, parts[0].substring(colon + 1), options, List.of())
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
        return info(type, layer, "your " + layer.id() + " class, from --classpath (expected correct)");
    }

    /** The same, described: e.g. a queue behind wakepath's ring adapter. */
    public static StrategyInfo info(Class<?> type, Layer layer, String description) {
        return new StrategyInfo(type.getName(), layer, type, null, description);
    }

    /**
     * The public constructor taking {@code parameters} of a public, concrete class implementing {@code contract}.
     *
     * @throws UsageException naming what is missing
     */
    public static Constructor<?> constructor(Class<?> type, Class<?> contract, Class<?>... parameters) {
        return firstConstructor(type, contract, List.<Class<?>[]>of(parameters));
    }

    /**
     * The first public constructor, in the order given, of those taking {@code alternatives} (each a parameter list),
     * of a public, concrete class implementing {@code contract}.
     *
     * @throws UsageException naming what is missing
     */
    public static Constructor<?> firstConstructor(Class<?> type, Class<?> contract, List<Class<?>[]> alternatives) {
        if (!contract.isAssignableFrom(type)) {
            throw new UsageException(type.getName() + (contract.isInterface() ? " does not implement "
                    : " does not extend ") + contract.getName());
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new UsageException(type.getName() + " must be a public, concrete class");
        }
        for (Class<?>[] parameters : alternatives) {
            try {
                return type.getConstructor(parameters);
            } catch (NoSuchMethodException e) {
                // the next alternative
            }
        }
        throw new UsageException(type.getName() + " needs a public constructor " + String.join(" or ",
                alternatives.stream().map(p -> type.getSimpleName() + "(" + String.join(", ",
                        Arrays.stream(p).map(Class::getSimpleName).toList()) + ")").toList()));
    }

    /**
     * The class {@code adapterName} (one of ours, e.g. the wait-strategy adapter), linked against the classes the
     * user's {@code type} sees. In a forked VM the user's class path is the VM's, and this is the class itself; in the
     * host the user's jars are behind their own loader, so the adapter (and its nested classes) is defined again in a
     * loader under it, which resolves the user's library there and everything else, our interfaces included, from
     * ours. The adapter must use only public members of its package.
     */
    public static Class<?> besideUserClasses(Class<?> type, String adapterName) {
        ClassLoader ours = Target.class.getClassLoader();
        ClassLoader theirs = type.getClassLoader();
        try {
            if (theirs == ours || theirs == null) {
                return Class.forName(adapterName, true, ours);
            }
            return Class.forName(adapterName, true, new AdapterLoader(theirs, ours, adapterName));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the adapter " + adapterName + " is not on our class path", e);
        }
    }

    /** Defines the adapter's classes itself, from our jar; asks its parent (the user's loader) for the rest. */
    private static final class AdapterLoader extends ClassLoader {
        private final ClassLoader ours;
        private final String adapterName;

        AdapterLoader(ClassLoader parent, ClassLoader ours, String adapterName) {
            super(parent);
            this.ours = ours;
            this.adapterName = adapterName;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(adapterName) && !name.startsWith(adapterName + "$")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (var in = ours.getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
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
