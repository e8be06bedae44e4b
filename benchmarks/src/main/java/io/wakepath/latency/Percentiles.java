package io.wakepath.latency;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** The percentiles the report shows, in microseconds. */
final class Percentiles {
    static final String[] NAMES = {"p50", "p90", "p99", "p99.9", "p99.99", "max"};
    private static final double[] LEVELS = {50, 90, 99, 99.9, 99.99};

    private Percentiles() {
    }

    static Map<String, Object> of(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < LEVELS.length; i++) {
            m.put(NAMES[i], h.getValueAtPercentile(LEVELS[i]) / 1e3);
        }
        m.put("max", h.getMaxValue() / 1e3);
        m.put("count", h.getTotalCount());
        return m;
    }
}
