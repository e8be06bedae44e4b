package io.wakepath.waitqueue;

import io.wakepath.core.Layer;
import io.wakepath.core.StrategyInfo;
import io.wakepath.core.StrategyRegistry;

import java.util.function.Supplier;

/** The registry of wait-queue strategies: the only list of them. */
public final class WaitQueueStrategies {
    private static final String SPINLOCK = "spinlock + intrusive list";
    private static final String PARK = "park/unpark";

    public static final StrategyRegistry<WaitQueueStrategy> REGISTRY =
            StrategyRegistry.<WaitQueueStrategy>of(Layer.WAIT_QUEUE, "wait-queue strategy")
            .byDefault(correct(KernelStyleWaitQueue.class, KernelStyleWaitQueue::new, SPINLOCK, PARK, true,
                    "the kernel's design: spinlocked list, CAS task state, park/unpark, fenced has-sleeper check"))
            .add(correct(MonitorWaitQueue.class, MonitorWaitQueue::new, "monitor (synchronized)", "Object.wait/notifyAll",
                    true, "list under the monitor, wait/notifyAll: every wake wakes every waiter to re-check"))
            .add(correct(LockConditionWaitQueue.class, LockConditionWaitQueue::new, "ReentrantLock",
                    "a Condition per entry", true, "list under a ReentrantLock, one Condition per waiter: "
                            + "a wake signals exactly the waiters it took").notModelCheckable())
            .add(correct(LockFreeWaitQueue.class, LockFreeWaitQueue::new, "ConcurrentLinkedDeque (lock-free)", PARK,
                    true, "lock-free deque of entries, taken by CAS, waiters parked"))
            .add(correct(SpinThenParkWaitQueue.class, SpinThenParkWaitQueue::new, SPINLOCK,
                    "spin an adaptive window (20 us to 1 ms), then park", true,
                    "kernel-style; one waiter at a time spins a window adapted to its waits (haltpoll), then parks"))
            .add(correct(BusySpinWaitQueue.class, BusySpinWaitQueue::new, SPINLOCK, "spin, never sleep", false,
                    "kernel-style, waiters never sleep: the latency floor, one CPU per waiter"))
            .add(broken(BrokenUnfencedWakeWaitQueue.class, BrokenUnfencedWakeWaitQueue::new, PARK,
                    "store-buffering lost wakeup (no smp_mb before waitqueue_active)",
                    "waker checks for sleepers with acquire only: the condition store can pass the check"))
            .add(broken(BrokenCheckThenRegisterWaitQueue.class, BrokenCheckThenRegisterWaitQueue::new, PARK,
                    "check then register (condition tested before the waiter is queued)",
                    "waiter tests the condition, then queues and sleeps without testing again"))
            .add(broken(BrokenExclusiveBailWaitQueue.class, BrokenExclusiveBailWaitQueue::new, PARK,
                    "exclusive waiter eats a wake, then bails",
                    "a chosen exclusive waiter that times out or is interrupted drops the wake"))
            .build();

    private WaitQueueStrategies() {
    }



    private static WaitQueueStrategy correct(Class<? extends WaitQueue> type, Supplier<WaitQueue> factory,
                                             String list, String sleep, boolean sleeps, String description) {
        return new WaitQueueStrategy(StrategyInfo.correct(Layer.WAIT_QUEUE, type, description), list, sleep, sleeps,
                true, factory);
    }

    private static WaitQueueStrategy broken(Class<? extends WaitQueue> type, Supplier<WaitQueue> factory,
                                            String sleep, String bugClass, String description) {
        return new WaitQueueStrategy(StrategyInfo.broken(Layer.WAIT_QUEUE, type, bugClass, description), SPINLOCK,
                sleep, true, true, factory);
    }
}
