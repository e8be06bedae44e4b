package io.wakepath.stress;

import java.util.function.Function;

/** How a forked test VM learns which strategy it tests: a system property naming a registry id. */
public final class UnderTest {
    private UnderTest() {
    }

    /**
     * The strategy named by {@code -D<property>=<id>}, looked up with {@code byId}.
     *
     * @throws IllegalStateException saying how to set the property when it is missing
     */
    public static <T> T resolve(String property, String layer, Function<String, T> byId) {
        String id = System.getProperty(property);
        if (id == null) {
            throw new IllegalStateException("no " + layer + " strategy under test: run jcstress with -jvmArgsPrepend -D"
                    + property + "=<id> (see ./wakepath list), or let ./wakepath test do it");
        }
        return byId.apply(id);
    }
}
