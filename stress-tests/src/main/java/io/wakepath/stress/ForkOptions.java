package io.wakepath.stress;

import io.wakepath.core.VmOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The options every VM that {@code check} forks gets (jcstress's test VMs, the model checker's, the chain stress's):
 * native access for jcstress's affinity calls, the exports and permissions the common libraries need, and the
 * user's {@code --jvm-arg}s, checked by starting a VM with them before any work ({@link VmOptions}).
 */
final class ForkOptions {
    /**
     * Agrona 2 reads {@code jdk.internal.misc.Unsafe} and fails to load without the export; JCTools, Agrona and the
     * Disruptor use {@code sun.misc.Unsafe}, which JDK 24+ warns about (and later JDKs deny) unless allowed.
     */
    static List<String> defaults() {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        return args;
    }

    private ForkOptions() {
    }

    /** The defaults and {@code userArgs}; a usage error when a VM refuses one of them. */
    static List<String> of(List<String> userArgs) {
        List<String> args = defaults();
        args.addAll(VmOptions.checked(args, userArgs));
        return List.copyOf(args);
    }
}
