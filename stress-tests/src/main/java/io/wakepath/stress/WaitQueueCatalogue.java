package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;
import io.wakepath.waitqueue.WaitQueueModelChecks;
import io.wakepath.waitqueue.WaitQueueUnderTest;

import java.util.List;
import java.util.Optional;

/**
 * The wait-queue layer's catalogue: every test in its package applies to every wait-queue strategy, and the model
 * checks to those the model checker can explore.
 */
final class WaitQueueCatalogue implements LitmusCatalogue {

    @Override
    public Layer layer() {
        return Layer.WAIT_QUEUE;
    }

    @Override
    public List<WaitQueueStrategy> strategies() {
        return WaitQueueStrategies.all();
    }

    @Override
    public boolean covers(Class<?> test) {
        return test.getPackageName().equals(WaitQueueUnderTest.class.getPackageName());
    }

    @Override
    public boolean applies(Class<?> test, Strategy strategy) {
        return true;
    }

    @Override
    public String property() {
        return WaitQueueUnderTest.PROPERTY;
    }

    @Override
    public Optional<String> modelChecks(Strategy strategy) {
        return ((WaitQueueStrategy) strategy).modelCheckable()
                ? Optional.of(WaitQueueModelChecks.class.getName()) : Optional.empty();
    }
}
