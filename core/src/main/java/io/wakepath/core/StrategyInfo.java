package io.wakepath.core;

import java.util.Objects;

/**
 * What the registry says of one strategy, whatever its layer: the stable id, whether it is a correct variant or a
 * broken one, the bug class a broken one demonstrates, and a one-line description.
 *
 * <p>The id is derived from the class name (the kebab-case of its words, without the layer's suffix):
 * {@code SpscReleaseAcquireRing} is {@code spsc-release-acquire}. The name and the id can therefore never disagree.
 *
 * @param id          stable kebab-case id, e.g. {@code broken-plain-publish}
 * @param layer       the link of the wake path it implements
 * @param implementation the implementing class
 * @param bugClass    for a broken variant, the bug class it demonstrates; {@code null} for a correct one
 * @param description one line: mechanism and trade-off
 */
public record StrategyInfo(String id, Layer layer, Class<?> implementation, String bugClass, String description) {

    public StrategyInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(description, "description");
        boolean namedBroken = id.startsWith("broken-");
        if (namedBroken != (bugClass != null)) {
            throw new IllegalArgumentException(id + ": a strategy is named broken-* exactly when it has a bug class");
        }
    }

    public static StrategyInfo correct(Layer layer, Class<?> implementation, String description) {
        return new StrategyInfo(idOf(layer, implementation), layer, implementation, null, description);
    }

    public static StrategyInfo broken(Layer layer, Class<?> implementation, String bugClass, String description) {
        return new StrategyInfo(idOf(layer, implementation), layer, implementation,
                Objects.requireNonNull(bugClass, "bugClass"), description);
    }

    public boolean correct() {
        return bugClass == null;
    }

    /** {@code SpscReleaseAcquireRing} in layer RING -> {@code spsc-release-acquire}. */
    static String idOf(Layer layer, Class<?> implementation) {
        String name = implementation.getSimpleName();
        if (!name.endsWith(layer.classSuffix()) || name.length() == layer.classSuffix().length()) {
            throw new IllegalArgumentException(name + " must end with the " + layer.id() + " layer's suffix "
                    + layer.classSuffix());
        }
        String words = name.substring(0, name.length() - layer.classSuffix().length());
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                id.append('-');
            }
            id.append(Character.toLowerCase(c));
        }
        return id.toString();
    }
}
