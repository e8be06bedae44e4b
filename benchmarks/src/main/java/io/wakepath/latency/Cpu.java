package io.wakepath.latency;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time for CPU per event and CPU while idle: of given threads (nanosecond clocks per thread), or of the whole
 * process (whose clock only ticks every few milliseconds: for runs whose threads are not ours to name).
 */
final class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /** CPU time of the whole process so far, nanoseconds. */
    static long process() {
        return OS.getProcessCpuTime();
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
