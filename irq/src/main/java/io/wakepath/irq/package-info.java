/**
 * The interrupt side and the whole chain: simulated hardware (W1C status register, mask, FIFO, shared level or
 * edge lines, event sources), an IRQ controller with hard and threaded handlers and the spurious-IRQ detector, the
 * char-device driver that composes ring, wait queue and poll, and the ledger that accounts for every event.
 * (Filled by the IRQ-path issue.)
 */
package io.wakepath.irq;
