package io.wakepath.stress.harness;

import io.wakepath.core.Strategy;

/** How a forked test VM learns which strategy it tests: a system property naming a registry id or a user's class. */
public final class UnderTest {
    private UnderTest() {
    }

    /**
     * The strategy named by {@code -D<property>=<id>} (a registry id), or by {@code -D<property>=class:<name>} (a
     * user's class on the class path, see {@link Target}).
     *
     * @throws IllegalStateException saying how to set the property when it is missing
     */
    @SuppressWarnings("unchecked")
    public static <S extends Strategy> S resolve(LayerBinding binding) {
        String id = System.getProperty(binding.property());
        if (id == null) {
            throw new IllegalStateException("no " + binding.layer().id() + " strategy under test: run jcstress with "
                    + "-jvmArgsPrepend -D" + binding.property() + "=<id> (see ./wakepath list), or let ./wakepath "
                    + "check do it");
        }
        return (S) (id.startsWith(Target.PREFIX) ? Target.resolve(binding, id) : binding.registry().byId(id));
    }
}
