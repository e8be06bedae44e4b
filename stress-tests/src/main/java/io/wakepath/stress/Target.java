package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.UsageException;
import io.wakepath.poll.Poll;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingCapabilities;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategy;
import io.wakepath.waitqueue.WaitQueue;
import io.wakepath.waitqueue.WaitQueueStrategy;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A user's implementation of one of wakepath's public interfaces, put through the same catalogue as the registered
 * strategies ({@code --target LAYER=CLASS --classpath PATH}). It is expected to be correct: anything the catalogue
 * catches in it is reported as a race.
 *
 * <p>What a class must offer, by layer (checked before anything runs, each refusal a one-line usage error):
 * <ul>
 *   <li>{@code ring}: implements {@link Ring}, a public constructor taking a {@link RingConfig} (refusing a shape it
 *       does not support with an {@link IllegalArgumentException}), and a {@code public static final}
 *       {@link RingCapabilities} field named {@code CAPABILITIES} saying what it supports (topology first).</li>
 *   <li>{@code waitqueue}: implements {@link WaitQueue}, a public no-argument constructor.</li>
 *   <li>{@code poll}: implements {@link Poll}, a public no-argument constructor.</li>
 * </ul>
 * In the forked VMs (jcstress, the model checker, the chain stress) the strategy property names the class as
 * {@code class:<name>}, and the class path includes the user's.
 *
 * @param layer     the layer it implements
 * @param className its fully qualified name
 * @param classpath the user's class path entries (jars or folders), checked to exist
 */
public record Target(Layer layer, String className, List<Path> classpath) {
    /** How the strategy property names a class instead of a registry id. */
    public static final String PREFIX = "class:";

    /** Parses {@code LAYER=CLASS} and the {@code --classpath} value, and checks that the class can be used. */
    public static Target parse(String spec, String classpath) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new UsageException("--target needs LAYER=CLASS (e.g. ring=com.example.MyRing), got '" + spec + "'");
        }
        Layer layer = Layer.byId(spec.substring(0, eq));
        if (layer == Layer.DRIVER) {
            throw new UsageException("--target takes a ring, waitqueue or poll class (the driver composes them)");
        }
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
        Target target = new Target(layer, spec.substring(eq + 1), List.copyOf(entries));
        try {
            makeOne(target.strategy());                 // refuses an unusable class now, with its reason
        } catch (LinkageError e) {
            throw new UsageException(target.className + " needs classes that are not on --classpath ("
                    + missing(e) + "): add the jars it depends on");
        }
        return target;
    }

    /** The class a linkage failure could not find, or the failure in one line. */
    private static String missing(LinkageError e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof ClassNotFoundException || root instanceof NoClassDefFoundError
                ? "missing: " + String.valueOf(root.getMessage()).replace('/', '.')
                : io.wakepath.core.Failure.of(e);
    }

    /**
     * Makes one instance, as the checks will: a class whose dependencies are missing fails here, in the host, with a
     * {@link LinkageError}. A ring refusing the shape tried is no such failure.
     */
    private static void makeOne(Strategy strategy) {
        try {
            switch (strategy) {
                case RingStrategy ring -> ring.create(new RingConfig(64, ring.capabilities().sharedPolicies().stream()
                        .findFirst().orElse(io.wakepath.ring.OverflowPolicy.DROP_OLDEST),
                        io.wakepath.ring.Framing.FRAME, ring.capabilities().sharedPolicies().isEmpty()
                        ? io.wakepath.ring.ReaderMode.BROADCAST : io.wakepath.ring.ReaderMode.SHARED));
                case WaitQueueStrategy wq -> wq.create();
                case PollStrategy poll -> poll.create();
                default -> { }
            }
        } catch (IllegalArgumentException | IllegalStateException refusedOrFailed) {
            if (refusedOrFailed.getCause() instanceof LinkageError linkage) {
                throw linkage;
            }
            // a shape the ring refuses, or a constructor that fails for its own reasons: the checks will say
        }
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
                    + (e instanceof LinkageError ? " (" + e + ")" : ""));
        }
        return of(layer, type);
    }

    /**
     * In a forked VM: the strategy named by a {@code class:} property value, loaded from the class path.
     *
     * @throws IllegalStateException when the class is not usable (the host checked it before forking)
     */
    @SuppressWarnings("unchecked")
    static <T> T resolve(Layer layer, String value) {
        try {
            return (T) new Target(layer, value.substring(PREFIX.length()), List.of())
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

    private static Strategy of(Layer layer, Class<?> type) {
        StrategyInfo info = new StrategyInfo(type.getName(), layer, type, null,
                "your " + layer.id() + " class, from --classpath (expected correct)");
        return switch (layer) {
            case RING -> {
                Constructor<?> c = constructor(type, Ring.class, RingConfig.class);
                RingCapabilities capabilities = capabilities(type);
                Function<RingConfig, Ring> factory = config -> (Ring) instantiate(c, config);
                yield new RingStrategy(info, capabilities, factory);
            }
            case WAIT_QUEUE -> {
                Constructor<?> c = constructor(type, WaitQueue.class);
                Supplier<WaitQueue> factory = () -> (WaitQueue) instantiate(c);
                yield new WaitQueueStrategy(info, "yours", "yours", true, true, factory);
            }
            case POLL -> {
                Constructor<?> c = constructor(type, Poll.class);
                Supplier<Poll> factory = () -> (Poll) instantiate(c);
                yield new PollStrategy(info, "yours", factory);
            }
            case DRIVER -> throw new UsageException("--target takes a ring, waitqueue or poll class");
        };
    }

    private static Constructor<?> constructor(Class<?> type, Class<?> contract, Class<?>... parameters) {
        if (!contract.isAssignableFrom(type)) {
            throw new UsageException(type.getName() + " does not implement " + contract.getName());
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new UsageException(type.getName() + " must be a public, concrete class");
        }
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new UsageException(type.getName() + " needs a public constructor "
                    + type.getSimpleName() + "(" + String.join(", ",
                    java.util.Arrays.stream(parameters).map(Class::getSimpleName).toList()) + ")");
        }
    }

    private static RingCapabilities capabilities(Class<?> type) {
        try {
            Field f = type.getField("CAPABILITIES");
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != RingCapabilities.class || f.get(null) == null) {
                throw new NoSuchFieldException();
            }
            return (RingCapabilities) f.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new UsageException(type.getName() + " needs a field 'public static final RingCapabilities "
                    + "CAPABILITIES' saying its topology and supported shapes");
        }
    }

    private static Object instantiate(Constructor<?> c, Object... args) {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;                                // e.g. a ring refusing a shape: IllegalArgumentException
            }
            throw new IllegalStateException(c.getDeclaringClass().getName() + " could not be made: "
                    + Failures.reason(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(c.getDeclaringClass().getName() + " could not be made: "
                    + Failures.reason(e), e);
        }
    }
}
