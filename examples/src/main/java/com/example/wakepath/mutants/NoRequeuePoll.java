package com.example.wakepath.mutants;

import com.example.wakepath.ReadyDequePoll;

/**
 * "The wake callback queues the item; delivery takes it": a delivered level-triggered item is not put back on the
 * ready list, so it is reported again only after a new wake. Level-triggered then behaves as edge-triggered: a
 * reader that read part of what was there and waits again sleeps on the rest.
 */
public class NoRequeuePoll extends ReadyDequePoll {
    @Override
    protected boolean requeuesLevelTriggered() {
        return false;
    }
}
