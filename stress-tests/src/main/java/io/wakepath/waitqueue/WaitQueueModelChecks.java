package io.wakepath.waitqueue;

import io.wakepath.stress.harness.ModelChecks;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Model checks of the untimed park paths: every interleaving Lincheck explores must let every waiter return. A lost
 * wakeup is a waiter that sleeps forever, reported as a hang with its interleaving (broken-check-then-register shows
 * it in about a second). The wait queue is the one named by {@code wakepath.waitqueue} (see {@link WaitQueueUnderTest}).
 */
public final class WaitQueueModelChecks {
    // Published through static fields: see ModelChecks.run.
    static volatile Supplier<WaitQueue> factory;
    static volatile WaitQueue queue;
    static volatile boolean condition;
    static final AtomicInteger tokens = new AtomicInteger();

    private WaitQueueModelChecks() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        factory = WaitQueueUnderTest.factory();          // resolved outside the explored code
        Map<String, Runnable> scenarios = new LinkedHashMap<>();
        scenarios.put("wakeup", WaitQueueModelChecks::wakeup);
        scenarios.put("exclusive", WaitQueueModelChecks::exclusive);
        ModelChecks.run(args, scenarios);
    }

    /** One waiter, one waker that sets the condition and wakes: the waiter returns. */
    static void wakeup() {
        queue = factory.get();
        condition = false;
        ModelChecks.runThreads(new Waiter(), new Waker());
    }

    /** Two exclusive waiters taking a token each, one waker posting two tokens and waking twice: both return. */
    static void exclusive() {
        queue = factory.get();
        tokens.set(0);
        ModelChecks.runThreads(new ExclusiveWaiter(), new ExclusiveWaiter(), new TwoTokenWaker());
    }

    private static boolean condition() {
        return condition;
    }

    private static boolean takeToken() {
        int n;
        while ((n = tokens.get()) > 0) {
            if (tokens.compareAndSet(n, n - 1)) {
                return true;
            }
        }
        return false;
    }

    private static final class Waiter implements Runnable {
        @Override
        public void run() {
            queue.waitEvent(WaitQueueModelChecks::condition);
        }
    }

    private static final class Waker implements Runnable {
        @Override
        public void run() {
            condition = true;
            queue.wakeUp();
        }
    }

    private static final class ExclusiveWaiter implements Runnable {
        @Override
        public void run() {
            queue.waitEventExclusive(WaitQueueModelChecks::takeToken);
        }
    }

    private static final class TwoTokenWaker implements Runnable {
        @Override
        public void run() {
            tokens.addAndGet(2);
            queue.wakeUp();
            queue.wakeUp();
        }
    }
}
