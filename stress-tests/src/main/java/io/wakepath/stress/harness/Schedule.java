package io.wakepath.stress.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed interleaving for a {@link Workload}: steps numbered in the order they must run, each on a given thread.
 * Every thread runs its own steps in order, each when its turn comes, then whatever free-running part follows.
 */
public final class Schedule {
    private record Step(int thread, Runnable action) {
    }

    private final List<Step> steps = new ArrayList<>();

    /** Adds the next step: {@code action} on thread {@code thread}. */
    public Schedule then(int thread, Runnable action) {
        steps.add(new Step(thread, action));
        return this;
    }

    /** Thread {@code thread}'s part: its steps, in their turns, on {@code workload}. */
    public void play(Workload workload, int thread) {
        for (int n = 0; n < steps.size(); n++) {
            Step s = steps.get(n);
            if (s.thread() == thread) {
                workload.step(n, s.action());
            }
        }
    }
}
