package io.wakepath.irq.diagnose;

import java.util.List;

/**
 * What the watchdog saw: data readable while every reader slept, or the interrupt CPU stuck in a hard handler, for
 * longer than the stall threshold; with the stacks of the threads involved at that moment.
 *
 * @param timedWaits the sleeping readers were in timed waits: a wake they lost leaves them asleep until their
 *                   deadlines, and they return a legal "timed out" or "true at the deadline" (a late wake)
 */
public record Stall(Kind kind, long millis, List<String> stacks, boolean timedWaits) {
    public enum Kind { READABLE_WHILE_ALL_WAIT, HARD_IRQ_STUCK }

    public Stall {
        stacks = List.copyOf(stacks);
    }
}
