/**
 * The ledger of a run: stage counters and per-hop latency histograms, and the conservation law every run is judged
 * by — {@code raised = read + dropped (by stage and cause) + still queued}.
 */
package io.wakepath.irq.ledger;
