package io.wakepath.stress.harness;

import java.util.List;

/**
 * One case of the chain stress: a name and the {@code diagnose} options that make it (the strategy under test is put
 * in its link by the layer's binding).
 */
public record ChainCase(String name, List<String> options) {

    public ChainCase(String name, String... options) {
        this(name, List.of(options));
    }

    /** The case's reader count ({@code --readers}, 1 by default). */
    public int readers() {
        int i = options.indexOf("--readers");
        return i < 0 ? 1 : Integer.parseInt(options.get(i + 1));
    }
}
