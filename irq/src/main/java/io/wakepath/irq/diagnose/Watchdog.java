package io.wakepath.irq.diagnose;

import io.wakepath.core.AtomicContext;
import io.wakepath.core.KernelThread;
import io.wakepath.core.StallClock;
import io.wakepath.irq.ledger.ReaderLedger;
import io.wakepath.ring.Ring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches a run from outside, every millisecond, and never blocks it: when data sits in the ring while every reader
 * is asleep for longer than the stall threshold, that is a lost wakeup (or lost readiness), reported once per episode
 * with the readers' stacks; when the interrupt CPU stays in one hard handler run for that much of its own CPU time,
 * that is a stuck hard IRQ, reported with its stack. A reader handling a signal is away: data readable while it is away and
 * every other reader waits is a wake lost with it (an exclusive waiter must hand on a wake it cannot use). It also
 * keeps the longest time data sat readable while every reader slept.
 *
 * <p>Scheduling noise (2 CPUs, many threads) is told apart from a bug by what the threads are doing, not by a longer
 * threshold. A waiting reader is asleep only while its thread is blocked ({@code WAITING} / {@code TIMED_WAITING}:
 * parked, or in {@code Object.wait}) and, where the kernel's state is known, not runnable there ({@link KernelThread}:
 * a woken platform thread reports {@code WAITING} until it gets a CPU); one that is {@code RUNNABLE} (spinning, or
 * woken and queued for a CPU, as a virtual thread is), {@code BLOCKED} (notified, re-taking a monitor) or runnable to
 * the kernel is on its way to look at the ring, however long the scheduler makes it wait. A hard handler is stuck when one run of it spends the threshold in its own CPU
 * time; a handler thread the OS merely preempted (readers woken together outnumber the CPUs) is not, and neither is a
 * busy line whose short runs follow each other.
 */
final class Watchdog {
    private static final int MAX_STALLS = 4;

    private final List<ReaderLedger> readers;
    private final Ring ring;
    private final AtomicContext.CpuThread cpu;
    private final long stallNanos;
    private final List<Stall> stalls = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean threadCpuClock = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    private volatile boolean running = true;
    private volatile long maxReadableAsleepNanos;

    Watchdog(List<ReaderLedger> readers, Ring ring, AtomicContext.CpuThread cpu, long stallMillis) {
        this.readers = List.copyOf(readers);
        this.ring = ring;
        this.cpu = cpu;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.thread = new Thread(this::run, "watchdog");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        StallClock readable = new StallClock(System.nanoTime());
        long consumedSince = -1;
        boolean readableReported = false;
        long atomicSectionSince = 0;   // even: none yet; a run's section is odd
        long atomicSince = 0;
        long atomicCpuSince = 0;
        boolean atomicReported = false;
        long max = 0;
        while (running) {
            long now = System.nanoTime();
            // A hard handler in progress (descheduled between its publish and its wake) is a delay, not a lost wake.
            if (allWaiting() && ring.size() > 0 && !cpu.inAtomicNow() && allAsleep()) {
                // One episode is the same data left unread: when anything was consumed since the last sample, this
                // is new data that a reader has not had time to take yet (samples 1 ms apart can each catch a
                // different round of a fast closed loop in its wake-up latency). A sample gap does not end it (see
                // StallClock): a machine too busy to wake the watchdog still has a stuck reader reported, later.
                long consumed = ring.stats().consumed();
                if (consumed != consumedSince) {
                    consumedSince = consumed;
                    readableReported = false;
                    readable.reset();
                }
                long held = readable.holds(now);
                if (held > max) {
                    max = held;
                    maxReadableAsleepNanos = max;
                }
                if (held > stallNanos && !readableReported) {
                    readableReported = true;
                    report(Stall.Kind.READABLE_WHILE_ALL_WAIT, held, readerStacks(), inTimedWaits());
                }
            } else {
                readable.breaks(now);
                readableReported = false;
            }
            long section = cpu.atomicSection();
            if ((section & 1) == 1) {
                long cpuNow = cpuTime(cpu);
                // One episode is one handler run: samples 1 ms apart can each catch a different run of a busy line.
                if (section != atomicSectionSince) {
                    atomicSectionSince = section;
                    atomicSince = now;
                    atomicCpuSince = cpuNow;
                    atomicReported = false;
                }
                // Its own CPU time, where the JVM can tell: the OS preempting it is not the handler being stuck.
                long spent = cpuNow >= 0 ? cpuNow - atomicCpuSince : now - atomicSince;
                if (spent > stallNanos && !atomicReported) {
                    atomicReported = true;
                    report(Stall.Kind.HARD_IRQ_STUCK, now - atomicSince, List.of(stack(cpu,
                            String.format("in hard IRQ, %d ms %s", spent / 1_000_000,
                                    cpuNow >= 0 ? "of its CPU time" : "on the wall clock"))), false);
                }
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private boolean allWaiting() {
        boolean anyWaiting = false;
        for (ReaderLedger r : readers) {
            switch (r.state()) {
                case RUNNING -> {
                    return false;
                }
                case SLEEPING -> anyWaiting = true;
                case DONE, AWAY -> { }
            }
        }
        return anyWaiting;
    }

    /**
     * Whether every waiting reader's thread is really blocked. Checked only once data is readable and every reader
     * is in a wait, so the thread states are read rarely.
     */
    private boolean allAsleep() {
        for (ReaderLedger r : readers) {
            KernelThread k = r.kernel();
            if (r.state() == ReaderLedger.State.SLEEPING && k != null && !k.asleep()) {
                return false;
            }
        }
        return true;
    }

    /** The thread's CPU time in ns, or -1 where the JVM cannot tell (then a handler run is timed by the wall clock). */
    private long cpuTime(Thread t) {
        return threadCpuClock ? threads.getThreadCpuTime(t.threadId()) : -1;
    }

    private void report(Stall.Kind kind, long nanos, List<String> stacks, boolean timedWaits) {
        if (stalls.size() < MAX_STALLS) {
            stalls.add(new Stall(kind, TimeUnit.NANOSECONDS.toMillis(nanos), stacks, timedWaits));
        }
    }

    /** Whether the waiting readers sleep in timed waits ({@code TIMED_WAITING}: a deadline will end them). */
    private boolean inTimedWaits() {
        for (ReaderLedger r : readers) {
            Thread t = r.thread();
            if (r.state() == ReaderLedger.State.SLEEPING && t != null
                    && t.getState() == Thread.State.TIMED_WAITING) {
                return true;
            }
        }
        return false;
    }

    private List<String> readerStacks() {
        List<String> stacks = new ArrayList<>();
        for (ReaderLedger r : readers) {
            if (stacks.size() == 4) {
                stacks.add("... (" + (readers.size() - 4) + " more readers)");
                break;
            }
            Thread t = r.thread();
            if (t != null) {
                stacks.add(stack(t, r.state().name().toLowerCase()));
            }
        }
        return stacks;
    }

    /** A thread's name, what it is doing, and its top frames. */
    static String stack(Thread t, String doing) {
        StringBuilder sb = new StringBuilder(t.getName()).append(" (").append(doing).append(", ")
                .append(t.getState()).append(")");
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 14); i++) {
            sb.append("\n    at ").append(frames[i]);
        }
        if (frames.length > 14) {
            sb.append("\n    ... ").append(frames.length - 14).append(" more");
        }
        return sb.toString();
    }

    void stop() throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        thread.join(1_000);
    }

    List<Stall> stalls() {
        return List.copyOf(stalls);
    }

    long maxReadableAsleepNanos() {
        return maxReadableAsleepNanos;
    }
}
