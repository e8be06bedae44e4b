package io.wakepath.stress;

import io.wakepath.core.Peer;
import io.wakepath.core.Strategy;
import io.wakepath.core.UsageException;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.layers.Bindings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one {@code check} run goes through, in order: the registered strategies ({@code --only}), a user's class
 * ({@code --target}), or the peers ({@code --peers}), each with its binding, the value of the strategy property that
 * names it in a forked VM, and the class path it brings.
 *
 * @param binding   the layer whose catalogue checks it
 * @param strategy  the strategy (a user's class or a peer wrapped by its kind)
 * @param target    the class and kind, for a user's class or a peer
 * @param peer      whether it is a peer: shown as found, with no expected verdict
 */
record Subject(LayerBinding binding, Strategy strategy, Optional<Target> target, boolean peer) {

    static Subject of(Target target, boolean peer) {
        return new Subject(target.binding(), target.strategy(), Optional.of(target), peer);
    }

    /** The registered strategies whose id {@code only} finds, layer by layer. @throws UsageException for none */
    static List<Subject> registered(Pattern only) {
        List<Subject> subjects = new ArrayList<>();
        for (LayerBinding binding : Bindings.ALL) {
            binding.registry().all().stream().filter(s -> only.matcher(s.id()).find())
                    .forEach(s -> subjects.add(new Subject(binding, s, Optional.empty(), false)));
        }
        if (subjects.isEmpty()) {
            throw new UsageException("no strategy id matches --only " + only.pattern() + " (see: wakepath list)");
        }
        return subjects;
    }

    /** Every peer ({@link Peer#ALL}), from its published jar beside {@code ownJar}. */
    static List<Subject> peers(Path ownJar) {
        Path folder = Peer.jarFolder(ownJar.toAbsolutePath().getParent().getParent().getParent());
        List<Subject> subjects = new ArrayList<>();
        for (Peer peer : Peer.ALL) {
            String classpath = null;
            if (peer.jarName().isPresent()) {
                Path jar = folder.resolve(peer.jarName().get());
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("the peers' jars are not built: no " + jar + " (./mvnw package)");
                }
                classpath = jar.toString();
            }
            Map<String, String> options = peer.topology().map(t -> Map.of("topology", t)).orElse(Map.of());
            subjects.add(of(Target.parse(peer.kind() + "=" + peer.className(), classpath, options, Bindings::kind),
                    true));
        }
        return subjects;
    }

    /** The value of the strategy property that names it in a forked VM. */
    String selects() {
        return target.map(Target::property).orElse(strategy.id());
    }

    /** The class path it brings (a user's or a peer's jars). */
    List<Path> classpath() {
        return target.map(Target::classpath).orElse(List.of());
    }
}
