package io.wakepath.waitqueue;

import io.wakepath.core.Layer;
import io.wakepath.core.UsageException;
import io.wakepath.stress.harness.LayerBinding;
import io.wakepath.stress.harness.Target;
import io.wakepath.stress.harness.TargetKind;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * {@code --target wait-strategy=CLASS}: a Disruptor 4 {@code WaitStrategy}, as it is, through the wait-queue catalogue
 * behind {@link WaitStrategyQueue}. The strategy is made with its first public constructor of:
 * <ul>
 *   <li>{@code ()};</li>
 *   <li>{@code (long timeout, TimeUnit)}: a strategy that times out on its own, given 100 ms. With 1 ms, and in 2 of
 *       5 runs with 10 ms, 1,000 waiters timing out together (on top of the herd every {@code signalAllWhenBlocking}
 *       wakes) kept its monitor so busy that the waker could not take it for 2 s: a load of our making, not a
 *       property of the class. And a timeout shorter than the chain's 50 ms stall would hide a lost wake: the waiter
 *       would find the data at its next timeout before the watchdog looked.</li>
 *   <li>{@code (long spinTimeout, long yieldTimeout, TimeUnit, WaitStrategy fallback)}: a phased back-off, given
 *       10 µs of spinning, 100 µs of yielding, then the Disruptor's {@code BlockingWaitStrategy}.</li>
 * </ul>
 * Whether the strategy gives its CPU back while it waits is measured, not assumed: one thread waits 100 ms for a
 * sequence that never comes, and a strategy whose waiter is runnable in most of the samples taken spins. Spinning
 * strategies are not asked to hold 64 or 1,000 waiters on a 2-CPU machine (as for our own spinning queue).
 *
 * <p>No model checks: the adapter's deadline timer (a thread of its own) and its monitor are beyond Lincheck's model
 * checker, which never finished a scenario on any Disruptor strategy (20 s each, every one inconclusive): the other
 * three checkers decide.
 */
final class WaitStrategyTarget {
    static final String WAIT_STRATEGY = "com.lmax.disruptor.WaitStrategy";
    private static final String BLOCKING = "com.lmax.disruptor.BlockingWaitStrategy";
    private static final long PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** What a strategy that times out on its own is given: longer than the chain's 50 ms stall, see the class. */
    private static final long TIMEOUT_MILLIS = 100;

    private WaitStrategyTarget() {
    }

    static TargetKind kind(LayerBinding binding) {
        return new TargetKind(binding, "wait-strategy", "implements com.lmax.disruptor.WaitStrategy (Disruptor 4, "
                + "whose jar goes on --classpath); a public constructor (), (long, TimeUnit) or "
                + "(long, long, TimeUnit, WaitStrategy)", (type, options) -> wrap(type));
    }

    private static WaitQueueStrategy wrap(Class<?> type) {
        Class<?> contract = load(WAIT_STRATEGY, type);
        Constructor<?> c = Target.firstConstructor(type, contract, List.of(new Class<?>[0],
                new Class<?>[] {long.class, TimeUnit.class},
                new Class<?>[] {long.class, long.class, TimeUnit.class, contract}));
        Constructor<?> adapter;
        try {
            adapter = Target.besideUserClasses(type, WaitStrategyQueue.class.getName()).getConstructor(contract);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("WaitStrategyQueue has no (WaitStrategy) constructor", e);
        }
        Supplier<WaitQueue> factory = () -> (WaitQueue) Target.instantiate(adapter, strategy(c, type));
        boolean sleeps = sleeps(factory.get());
        String how = sleeps ? "blocks or sleeps" : "spins (measured)";
        return new WaitQueueStrategy(Target.info(type, Layer.WAIT_QUEUE, "your Disruptor WaitStrategy as a wait "
                + "queue (it " + how + "), from --classpath (expected correct)"), "the adapter's (monitor)",
                type.getSimpleName(), sleeps, false, factory);      // see the class comment: no model checks
    }

    private static Object strategy(Constructor<?> c, Class<?> type) {
        return switch (c.getParameterCount()) {
            case 0 -> Target.instantiate(c);
            case 2 -> Target.instantiate(c, TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            default -> Target.instantiate(c, 10L, 100L, TimeUnit.MICROSECONDS,
                    Target.instantiate(Target.constructor(load(BLOCKING, type), load(WAIT_STRATEGY, type))));
        };
    }

    private static Class<?> load(String name, Class<?> beside) {
        try {
            ClassLoader loader = beside.getClassLoader();       // null: a JDK class, which is no wait strategy
            return Class.forName(name, false, loader != null ? loader : WaitStrategyTarget.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("wait-strategy= needs the LMAX Disruptor 4 on --classpath (" + name
                    + " not found)");
        }
    }

    /**
     * Whether a waiter of {@code queue} stays off the CPU: sampled every millisecond through a 100 ms wait that
     * nothing ends, a spinning waiter is runnable (on a CPU or queued for one: the state says so even on a busy
     * machine, where its CPU time would not), a blocking or sleeping one mostly waiting.
     */
    private static boolean sleeps(WaitQueue queue) {
        Thread waiter = Thread.ofPlatform().name("wait-strategy-probe").daemon()
                .start(() -> queue.wait(() -> false, false, false, PROBE_NANOS));
        int samples = 0;
        int runnable = 0;
        long deadline = System.nanoTime() + PROBE_NANOS * 20;
        while (waiter.isAlive() && System.nanoTime() - deadline < 0) {
            Thread.State state = waiter.getState();
            samples++;
            if (state == Thread.State.RUNNABLE) {
                runnable++;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (waiter.isAlive()) {         // a timed wait that does not end: the catalogue's timed cases will say so
            waiter.interrupt();
            return true;
        }
        return runnable * 2 < samples;
    }
}
