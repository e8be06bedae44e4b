package io.wakepath.irq.diagnose;

import io.wakepath.irq.Device;
import io.wakepath.irq.SpuriousDetector;
import io.wakepath.irq.driver.CharDriver;
import io.wakepath.irq.ledger.Conservation;
import io.wakepath.irq.ledger.Hop;
import io.wakepath.irq.ledger.Ledger;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;

/**
 * Everything a chain run produced: the ledger's totals and hops, the conservation law's stages, the hardware oracle,
 * the line, the watchdog's stalls and the teardown's problems. The checks are computed from it.
 *
 * @param scenario            what ran
 * @param totals              the ledger's counters
 * @param conservation        the conservation law, stage by stage
 * @param device              the device's counters and oracle
 * @param line                interrupts delivered on the shared line and how many no handler claimed
 * @param lineDisabled        why the spurious detector disabled the line, or {@code null}
 * @param irqErrors           errors raised by handlers (sleeping in atomic context, exceptions)
 * @param queueUse            the queues readers and pollers used against those the IRQ side woke
 * @param maxReadableAsleepNanos the longest time data sat readable while every reader slept
 * @param stalls              the watchdog's reports (lost wakeups, stuck hard IRQs), with stacks
 * @param problems            teardown and reader problems (hangs with stacks, failures)
 * @param strandedAtEnd       samples left in the FIFO with RX clear after the settle phase
 * @param usesAfterRelease    reads, polls or handler runs after release
 * @param hops                per-hop latency histograms
 * @param threadRuns          runs of the threaded handler (0 without one)
 * @param coalescedWakes      thread wakes that coalesced into a pending run
 * @param eofs                readers that read end of file
 * @param readersEnded        readers that ended
 * @param wallMillis          how long the run took, setup to teardown
 */
public record RunResult(Scenario scenario, Ledger.Totals totals, Conservation conservation, Device.Counters device,
                        SpuriousDetector.Counts line, String lineDisabled, List<String> irqErrors,
                        CharDriver.QueueUse queueUse, long maxReadableAsleepNanos, List<Stall> stalls,
                        List<String> problems, int strandedAtEnd, long usesAfterRelease, Map<Hop, Histogram> hops,
                        long threadRuns, long coalescedWakes, long eofs, long readersEnded, long wallMillis) {
}
