package io.wakepath.latency;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the threads of a scenario (nanosecond clocks per thread, where the process clock only ticks every few
 * milliseconds): for CPU per event and CPU while idle.
 */
final class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Cpu() {
    }

    /** CPU time the given live threads have used so far, nanoseconds (a thread that ended counts 0). */
    static long of(Thread... threads) {
        long sum = 0;
        for (Thread t : threads) {
            long cpu = THREADS.getThreadCpuTime(t.threadId());
            sum += Math.max(0, cpu);
        }
        return sum;
    }

    /** Percent of one core {@code threads} used over {@code millis} during which nothing arrived. */
    static double idlePercent(long millis, Thread... threads) throws InterruptedException {
        long cpu0 = of(threads);
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        return 100.0 * (of(threads) - cpu0) / (System.nanoTime() - t0);
    }
}
