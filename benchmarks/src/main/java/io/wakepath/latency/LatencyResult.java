package io.wakepath.latency;

import org.HdrHistogram.Histogram;

/**
 * One scenario's measurement.
 *
 * @param name         scenario name (file-safe)
 * @param group        floor, peer, waitqueue, chain, herd
 * @param description  one line: what was measured
 * @param raw          latency from the moment the event was actually raised (sent) to its receipt, nanoseconds
 * @param corrected    from the moment it was due on the open-loop schedule: coordinated omission corrected
 * @param events       events received
 * @param cpuPerEventNanos CPU per event: the consumer's CPU time and the producer's time in send (hand-offs), or the
 *                         whole process's CPU time (chain runs), divided by the events
 * @param idleCpuPercent CPU of the readers while they wait and nothing arrives, percent of one core
 * @param wakesPerEvent waiters woken per event (NaN where the channel does not count)
 * @param readers      reader threads
 * @param hops         the ledger's per-hop latencies of a chain run, by hop id (empty for hand-offs)
 */
record LatencyResult(String name, String group, String description, Histogram raw, Histogram corrected, long events,
                     double cpuPerEventNanos, double idleCpuPercent, double wakesPerEvent, int readers,
                     java.util.Map<String, Histogram> hops) {

    LatencyResult(String name, String group, String description, Histogram raw, Histogram corrected, long events,
                  double cpuPerEventNanos, double idleCpuPercent, double wakesPerEvent, int readers) {
        this(name, group, description, raw, corrected, events, cpuPerEventNanos, idleCpuPercent, wakesPerEvent,
                readers, java.util.Map.of());
    }

    static Histogram histogram() {
        return new Histogram(1, 60_000_000_000L, 3);
    }

    double p50() {
        return raw.getValueAtPercentile(50);
    }

    double p99() {
        return raw.getValueAtPercentile(99);
    }
}
