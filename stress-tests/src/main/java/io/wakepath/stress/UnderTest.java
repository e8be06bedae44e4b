package io.wakepath.stress;

import io.wakepath.core.Layer;

import java.util.function.Function;

/** How a forked test VM learns which strategy it tests: a system property naming a registry id or a user's class. */
public final class UnderTest {
    private UnderTest() {
    }

    /**
     * The strategy named by {@code -D<property>=<id>} (looked up with {@code byId}), or by
     * {@code -D<property>=class:<name>} (a user's class on the class path, see {@link Target}).
     *
     * @throws IllegalStateException saying how to set the property when it is missing
     */
    public static <T> T resolve(String property, Layer layer, Function<String, T> byId) {
        String id = System.getProperty(property);
        if (id == null) {
            throw new IllegalStateException("no " + layer.id() + " strategy under test: run jcstress with "
                    + "-jvmArgsPrepend -D" + property + "=<id> (see ./wakepath list), or let ./wakepath check do it");
        }
        return id.startsWith(Target.PREFIX) ? Target.resolve(layer, id) : byId.apply(id);
    }
}
