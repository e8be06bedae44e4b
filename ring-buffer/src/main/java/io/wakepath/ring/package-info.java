/**
 * The ring buffer: the link between the IRQ handler (the producer, in "IRQ context": it never blocks for space and
 * never allocates) and the readers of the char device.
 *
 * <p>A {@link io.wakepath.ring.Ring} holds primitive {@code long} events. Its {@link io.wakepath.ring.RingConfig}
 * picks the capacity, the {@link io.wakepath.ring.OverflowPolicy} applied when it is full, the
 * {@link io.wakepath.ring.Framing} (whole events, or a byte stream with partial reads) and the
 * {@link io.wakepath.ring.ReaderMode} (readers share the events, or each has a cursor of its own). Strategies differ
 * in how producer and readers synchronize; {@link io.wakepath.ring.RingStrategies} is their registry.
 *
 * <p>Memory accesses are named with the vocabulary of {@link io.wakepath.core}: {@code sp/lp} plain,
 * {@code sop/lop} opaque, {@code so/la} release/acquire, {@code sv/lv} volatile, {@code cas}, {@code xadd}.
 */
package io.wakepath.ring;
