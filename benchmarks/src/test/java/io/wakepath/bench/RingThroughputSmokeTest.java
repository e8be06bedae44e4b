package io.wakepath.bench;

import io.wakepath.ring.SpscRingThroughput;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JMH plumbing, in-process and short: the parameter reaches the benchmark, the counters come back named. */
class RingThroughputSmokeTest {

    @Test
    void shouldMeasureTransfersForOursAndAPeerInBothShapes() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(SpscRingThroughput.class.getName() + "\\.(transfer|batch)$")
                .param("spsc", "spsc-stamped", "jctools-spsc-array-queue")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        assertEquals(4, results.size(), "2 contenders x 2 shapes");
        for (RunResult result : results) {
            Measured.Round round = Measured.Round.of(result);
            assertTrue(round.transfers() > 0, result.getParams().getParam("spsc") + " " + round);
            assertEquals(1, round.iterations().size(), round.toString());
            // A batch take moves at least one event and at most BATCH; one event per call, takes are not counted.
            if (result.getParams().getBenchmark().endsWith(".batch")) {
                assertTrue(round.perTake() >= 1.0 && round.perTake() <= BenchQueue.BATCH, round.toString());
            } else {
                assertTrue(Double.isNaN(round.perTake()), round.toString());
            }
        }
    }
}
