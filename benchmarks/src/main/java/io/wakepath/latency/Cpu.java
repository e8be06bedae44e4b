package io.wakepath.latency;

import java.lang.management.ManagementFactory;

/** The process's CPU time, for CPU per event and CPU while idle (whole process: same overhead for every scenario). */
final class Cpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    static long processNanos() {
        return OS.getProcessCpuTime();
    }

    /** Percent of one core the process used over {@code millis} of doing nothing but waiting. */
    static double idlePercent(long millis) throws InterruptedException {
        long cpu0 = processNanos();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        return 100.0 * (processNanos() - cpu0) / (System.nanoTime() - t0);
    }
}
