package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.poll.PollUnderTest;

import java.util.List;

/** The poll layer's catalogue: every test in its package applies to every poll strategy. */
final class PollCatalogue implements LitmusCatalogue {

    @Override
    public Layer layer() {
        return Layer.POLL;
    }

    @Override
    public List<PollStrategy> strategies() {
        return PollStrategies.all();
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.getPackageName().equals(PollUnderTest.class.getPackageName());
    }

    @Override
    public boolean applies(Class<?> test, Strategy strategy) {
        return true;
    }

    @Override
    public String property() {
        return PollUnderTest.PROPERTY;
    }

    /**
     * The registration race is a store-buffering window behind a longer path (epoll's mutex, the item's tables), hit
     * about 10 times a second on 2 CPUs in the quick configuration: 3 x 1 s per test instead of 2 x 200 ms.
     */
    @Override
    public List<String> options(CheckPreset preset) {
        return preset == CheckPreset.QUICK
                ? List.of("-sc", "false", "-f", "1", "-fsm", "1", "-iters", "3", "-time", "1000")
                : preset.options;
    }
}
