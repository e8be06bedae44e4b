package io.wakepath.irq.driver;

import io.wakepath.waitqueue.WaitQueue;

/**
 * Broken on purpose (bug class: poll registers on a queue the IRQ side never wakes). {@link HardIrqDriver} with a
 * second wait queue for {@code .poll}, left over from a refactoring: blocking readers sleep on the queue the
 * interrupt wakes, pollers register on the other one. poll and epoll callers are never woken; they see data only when
 * they call again for another reason. Correct sibling: {@link HardIrqDriver} (one queue for both).
 */
public final class BrokenSeparatePollQueueDriver extends HardIrqDriver {
    private final WaitQueue pollQueue;

    public BrokenSeparatePollQueueDriver(Parts parts) {
        super(parts);
        this.pollQueue = newWaitQueue();
    }

    @Override
    protected WaitQueue pollQueue() {
        return pollQueue;
    }
}
