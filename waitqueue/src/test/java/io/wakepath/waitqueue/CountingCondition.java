package io.wakepath.waitqueue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A condition that counts how often it was evaluated. A waiter evaluates it once before queueing and once after,
 * so {@code n} waiters are surely queued once it was evaluated {@code 2n} times (more with spurious wakes). Works
 * for spinning strategies too, where thread states say nothing.
 */
final class CountingCondition implements BooleanSupplier {
    private final BooleanSupplier condition;
    private final AtomicInteger evaluations = new AtomicInteger();

    CountingCondition(BooleanSupplier condition) {
        this.condition = condition;
    }

    @Override
    public boolean getAsBoolean() {
        evaluations.incrementAndGet();
        return condition.getAsBoolean();
    }

    void awaitQueued(int waiters, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (evaluations.get() < 2 * waiters) {
            if (System.nanoTime() - deadline > 0) {
                fail(waiters + " waiters not queued within " + limit + " (" + evaluations.get() + " evaluations)");
            }
            Thread.sleep(1);
        }
    }
}
