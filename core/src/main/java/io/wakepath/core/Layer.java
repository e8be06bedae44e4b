package io.wakepath.core;

import java.util.Arrays;

/** The links of the wake path that have strategies of their own, by their command-line name. */
public enum Layer {
    RING("ring", "Ring"),
    WAIT_QUEUE("waitqueue", "WaitQueue"),
    POLL("poll", "Poll"),
    DRIVER("driver", "Driver"),
    ;

    private final String id;
    private final String classSuffix;

    Layer(String id, String classSuffix) {
        this.id = id;
        this.classSuffix = classSuffix;
    }

    /** The name used on the command line and in JSON, e.g. {@code ring}. */
    public String id() {
        return id;
    }

    /** The suffix every strategy class of this layer carries, e.g. {@code SpscReleaseAcquireRing}. */
    public String classSuffix() {
        return classSuffix;
    }

    /** @throws UsageException naming the known layers when {@code id} is none of them */
    public static Layer byId(String id) {
        for (Layer layer : values()) {
            if (layer.id.equals(id)) {
                return layer;
            }
        }
        throw new UsageException("unknown layer '" + id + "' (known: "
                + String.join(", ", Arrays.stream(values()).map(Layer::id).toList()) + ")");
    }
}
