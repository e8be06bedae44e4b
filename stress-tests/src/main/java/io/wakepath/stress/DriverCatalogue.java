package io.wakepath.stress;

import io.wakepath.core.Layer;
import io.wakepath.core.Strategy;
import io.wakepath.irq.driver.DriverStrategies;
import io.wakepath.irq.driver.DriverStrategy;

import java.util.List;

/**
 * The driver layer: no litmus test (a driver is a composition with a device, an IRQ controller and readers, beyond
 * two jcstress actors); its variants are judged by the chain stress alone.
 */
final class DriverCatalogue implements LitmusCatalogue {

    @Override
    public Layer layer() {
        return Layer.DRIVER;
    }

    @Override
    public List<DriverStrategy> strategies() {
        return DriverStrategies.all();
    }

    @Override
    public boolean covers(Class<?> test) {
        return false;
    }

    @Override
    public boolean applies(Class<?> test, Strategy strategy) {
        return false;
    }

    @Override
    public String property() {
        return "wakepath.driver";
    }
}
