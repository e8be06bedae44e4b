/**
 * {@code wakepath diagnose}: one scenario run through the whole chain ({@link io.wakepath.irq.diagnose.ChainRun}),
 * watched by a bounded watchdog, then judged by the seed article's eight checks
 * ({@link io.wakepath.irq.diagnose.Check}), each PASS / WARN / FAIL with its evidence.
 */
package io.wakepath.irq.diagnose;
