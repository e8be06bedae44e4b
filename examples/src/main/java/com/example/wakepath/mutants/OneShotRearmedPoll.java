package com.example.wakepath.mutants;

import com.example.wakepath.ReadyDequePoll;

/**
 * EPOLLONESHOT read as "report once per wake": a delivered one-shot item is not disarmed, so it is handled like a
 * level-triggered one and reported again to the next wait while it is ready. Two threads of an event loop then
 * handle one event at once, which is what ONESHOT was asked for to prevent.
 */
public class OneShotRearmedPoll extends ReadyDequePoll {
    @Override
    protected boolean disarmsOneShot() {
        return false;
    }
}
