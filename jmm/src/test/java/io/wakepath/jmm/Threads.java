package io.wakepath.jmm;

/**
 * Runs a test program's two threads as a workload does: their start and join recorded, so that only the program's own
 * synchronization orders what they do.
 */
final class Threads {
    private Threads() {
    }

    static void run(Thread first, Thread second) throws InterruptedException {
        Hb.threadStart(first);
        first.start();
        Hb.threadStart(second);
        second.start();
        first.join(10_000);
        second.join(10_000);
        Hb.threadJoined(first);
        Hb.threadJoined(second);
    }
}
