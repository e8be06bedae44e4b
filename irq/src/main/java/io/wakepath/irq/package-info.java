/**
 * The interrupt side: simulated hardware ({@link io.wakepath.irq.Device}: a write-one-to-clear status register, a
 * mask register, a hardware FIFO; {@link io.wakepath.irq.IrqLine}: a level or edge line that several devices may
 * share; {@link io.wakepath.irq.EventSource}: seeded periodic, Poisson or burst events) and the
 * {@link io.wakepath.irq.IrqController}, which runs hard handlers on an "interrupt CPU" in atomic context, threaded
 * handlers in thread context with coalesced wakes and ONESHOT masking, and the spurious-IRQ detector of
 * {@code kernel/irq/spurious.c}.
 *
 * <p>The device is also the run's oracle: it knows what the hardware really did (which interrupts were its own, which
 * latched events a write cleared unseen, which samples were left in the FIFO with nothing to raise them), so a
 * diagnosis can name the broken link instead of guessing from symptoms.
 */
package io.wakepath.irq;
