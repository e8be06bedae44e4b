package io.wakepath.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a ring: capacity in events, overflow policy, framing and reader mode.
 *
 * <p>Rules that hold for every strategy are checked here: the capacity is a power of two of at least 2 (indices are
 * masked, as in kfifo); broadcast readers are lapped, so they need {@link OverflowPolicy#DROP_OLDEST} and whole
 * frames; a byte stream cannot evict a partly read event, so it cannot use {@code DROP_OLDEST}.
 *
 * @param capacity number of events the ring holds
 * @param policy   what a full ring does with a new event
 * @param framing  whole events or a byte stream
 * @param readers  shared consumption or broadcast
 */
public record RingConfig(int capacity, OverflowPolicy policy, Framing framing, ReaderMode readers) {
    public static final int MAX_CAPACITY = 1 << 30;

    public RingConfig {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(readers, "readers");
        if (capacity < 2 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two between 2 and 2^30, got "
                    + capacity);
        }
        if (readers == ReaderMode.BROADCAST && (policy != OverflowPolicy.DROP_OLDEST || framing != Framing.FRAME)) {
            throw new IllegalArgumentException("broadcast readers are lapped, never waited for: they need "
                    + "DROP_OLDEST and FRAME, got " + policy + " and " + framing);
        }
        if (framing == Framing.BYTE_STREAM && policy == OverflowPolicy.DROP_OLDEST) {
            throw new IllegalArgumentException("a byte stream cannot DROP_OLDEST: the oldest event may be partly read");
        }
    }

    /** Frames, shared readers, drop-newest: the kfifo default. */
    public static RingConfig of(int capacity) {
        return new RingConfig(capacity, OverflowPolicy.DROP_NEWEST, Framing.FRAME, ReaderMode.SHARED);
    }

    public RingConfig withPolicy(OverflowPolicy policy) {
        return new RingConfig(capacity, policy, framing, readers);
    }

    public RingConfig withFraming(Framing framing) {
        return new RingConfig(capacity, policy, framing, readers);
    }

    public RingConfig withReaders(ReaderMode readers) {
        return new RingConfig(capacity, policy, framing, readers);
    }

    /** Every shape the rules above allow, for the given capacity. */
    public static List<RingConfig> allShapes(int capacity) {
        List<RingConfig> shapes = new ArrayList<>();
        for (ReaderMode readers : ReaderMode.values()) {
            for (Framing framing : Framing.values()) {
                for (OverflowPolicy policy : OverflowPolicy.values()) {
                    try {
                        shapes.add(new RingConfig(capacity, policy, framing, readers));
                    } catch (IllegalArgumentException notAShape) {
                        // the combination is excluded by the rules above
                    }
                }
            }
        }
        return List.copyOf(shapes);
    }

    /** e.g. {@code 64/DROP_NEWEST/FRAME/SHARED}. */
    @Override
    public String toString() {
        return capacity + "/" + policy + "/" + framing + "/" + readers;
    }
}
