package io.wakepath.jmm;

import java.util.List;

/**
 * A data race: two accesses to one location from different threads, at least one a write and one plain, that no
 * happens-before edge orders. One per pair of source lines; {@link #count()} says how often the pair was seen.
 *
 * @param location the field, or the array and element
 * @param first    the earlier access
 * @param second   the later access, which found the earlier one unordered
 * @param missing  the edge that would order them, in words
 */
public record Race(String location, Detector.Access first, Detector.Access second, String missing,
                   int[] counter) {

    Race(String location, Detector.Access first, Detector.Access second, String missing) {
        this(location, first, second, missing, new int[] {1});
    }

    void seen() {
        counter[0]++;
    }

    public int count() {
        return counter[0];
    }

    /** Both accesses plain: a race on the data itself (rather than on the flag meant to publish it). */
    public boolean plainOnBothSides() {
        return first.mode().plain() && second.mode().plain();
    }

    /** Whether the missing edge was traced to a flag or a release (rather than "nothing synchronizes them"). */
    public boolean explained() {
        return !missing.startsWith(Detector.NOTHING);
    }

    /** One line: the pair and the missing edge. */
    public String summary() {
        return first.mode().word(first.write()) + " at " + Sites.get(first.site()).position() + " races with "
                + second.mode().word(second.write()) + " at " + Sites.get(second.site()).position() + " on " + location
                + ": " + missing;
    }

    /**
     * The race in the source: the write first (of two writes, the earlier) -- where a publication is usually mended,
     * by ordering it after the data or making it a release -- then the access it races with.
     */
    public Finding finding() {
        Detector.Access shown = second.write() && !first.write() ? second : first;
        Detector.Access other = shown == first ? second : first;
        return new Finding("data-race", summary(), count(), List.of(
                Finding.Place.of(shown.site(), shown.mode().word(shown.write()) + " of " + location + " in "
                        + shown.threadName()),
                Finding.Place.of(other.site(), other.mode().word(other.write()) + " of " + location + " in "
                        + other.threadName() + ", not ordered with it by happens-before")));
    }

    /** The full report: the location, both accesses with their threads and modes, the missing edge. */
    public String report() {
        return "RACE on " + location + (count() > 1 ? " (seen " + count() + " times)" : "") + "\n"
                + "  " + first.describe() + "\n"
                + "  " + second.describe() + "\n"
                + "  not ordered: " + missing;
    }
}
