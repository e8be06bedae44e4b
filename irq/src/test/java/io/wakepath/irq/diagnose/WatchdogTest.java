package io.wakepath.irq.diagnose;

import io.wakepath.core.AtomicContext;
import io.wakepath.irq.ledger.Ledger;
import io.wakepath.irq.ledger.ReaderLedger;
import io.wakepath.ring.Ring;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watchdog tells a lost wakeup from a slow scheduler by what the threads do: data readable while every reader is
 * parked is reported; a reader that is runnable or re-taking a monitor is on its way; a hard handler is stuck only when
 * it spends the threshold in CPU time, not when its thread merely is not running.
 */
class WatchdogTest {
    private static final long STALL_MS = 30;
    /** How long a run that must stay quiet is watched (ten stall thresholds). */
    private static final long QUIET_MS = 300;
    /** How long a run that must be reported may take to be (bounded: a noisy machine can delay the sampling). */
    private static final long REPORT_WITHIN_MS = 5_000;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;

    @AfterEach
    void stopThreads() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
            t.interrupt();
            t.join(2_000);
        }
    }

    @Test
    void dataReadableWhileTheReaderIsParkedIsALostWakeup() throws Exception {
        List<Stall> stalls = reported(reader(() -> {
            while (!stop) {
                LockSupport.park(this);
            }
        }), idleCpu(), true);
        assertEquals(1, stalls.size(), "one report: " + stalls);
        assertEquals(Stall.Kind.READABLE_WHILE_ALL_WAIT, stalls.get(0).kind());
        assertTrue(stalls.get(0).stacks().get(0).contains("WAITING"), stalls.get(0).stacks().get(0));
    }

    @Test
    void aReaderThatIsRunnableIsOnItsWay() throws Exception {
        // spinning in its wait (busy-spin); one woken and not yet on a CPU still reads WAITING to the JVM, RUNNABLE
        // ('R') to the kernel, which the watchdog also asks (KernelThreadTest)
        assertEquals(List.of(), quiet(reader(() -> {
            while (!stop) {
                Thread.onSpinWait();
            }
        }), idleCpu(), true));
    }

    @Test
    void aReaderRetakingAMonitorIsOnItsWay() throws Exception {
        Object monitor = new Object();
        CountDownLatch held = new CountDownLatch(1);
        start(() -> {
            synchronized (monitor) {
                held.countDown();
                while (!stop) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }, "holder");
        assertTrue(held.await(5, TimeUnit.SECONDS));
        List<ReaderLedger> readers = reader(() -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        });
        assertEquals(List.of(), quiet(readers, idleCpu(), true));
        assertEquals(Thread.State.BLOCKED, readers.get(0).thread().getState());
    }

    @Test
    void nothingReadableIsNoStall() throws Exception {
        assertEquals(List.of(), quiet(reader(() -> {
            while (!stop) {
                LockSupport.park(this);
            }
        }), idleCpu(), false));
    }

    @Test
    void aHardHandlerThatSpinsIsStuck() throws Exception {
        List<Stall> stalls = reported(noReaders(), cpu(() -> {
            while (!stop) {
                Thread.onSpinWait();
            }
        }), false);
        assertEquals(1, stalls.size(), "one report: " + stalls);
        assertEquals(Stall.Kind.HARD_IRQ_STUCK, stalls.get(0).kind());
        assertTrue(stalls.get(0).stacks().get(0).contains("ms of its CPU time"), stalls.get(0).stacks().get(0));
    }

    @Test
    void aHardHandlerWhoseThreadDoesNotRunIsNotStuck() throws Exception {
        // stands for the OS preempting the thread that plays the interrupt CPU: in atomic context, using no CPU
        assertEquals(List.of(), quiet(noReaders(), cpu(() -> {
            while (!stop) {
                LockSupport.parkNanos(5_000_000);
            }
        }), false));
    }

    @Test
    void aBusyLineOfShortHandlerRunsIsNotAStuckHandler() throws Exception {
        // back to back: nearly every sample finds the CPU in hard IRQ, but each time in another run
        assertEquals(List.of(), quiet(noReaders(), cpu(null, () -> {
            AtomicContext.CpuThread self = (AtomicContext.CpuThread) Thread.currentThread();
            while (!stop) {
                self.enterAtomic();
                long until = System.nanoTime() + 200_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                self.exitAtomic();
            }
        }), false));
    }

    /** Watches for {@link #QUIET_MS}: ten stall thresholds. */
    private List<Stall> quiet(List<ReaderLedger> readers, AtomicContext.CpuThread cpu, boolean readable)
            throws InterruptedException {
        Watchdog watchdog = watchdog(readers, cpu, readable);
        Thread.sleep(QUIET_MS);
        watchdog.stop();
        return watchdog.stalls();
    }

    /** Watches until a report (at most {@link #REPORT_WITHIN_MS}), then {@link #QUIET_MS} longer: one per episode. */
    private List<Stall> reported(List<ReaderLedger> readers, AtomicContext.CpuThread cpu, boolean readable)
            throws InterruptedException {
        Watchdog watchdog = watchdog(readers, cpu, readable);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPORT_WITHIN_MS);
        while (watchdog.stalls().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(QUIET_MS);
        watchdog.stop();
        return watchdog.stalls();
    }

    /** A running watchdog over {@code readers} and {@code cpu}, with one sample in the ring or none. */
    private static Watchdog watchdog(List<ReaderLedger> readers, AtomicContext.CpuThread cpu, boolean readable) {
        Ring ring = RingStrategies.REGISTRY.byId("mpmc-sequence").create(RingConfig.of(16));
        if (readable) {
            assertTrue(ring.offer(42));
        }
        Watchdog watchdog = new Watchdog(readers, ring, cpu, STALL_MS);
        watchdog.start();
        return watchdog;
    }

    /** One reader in the sleeping state, its thread running {@code body}. */
    private List<ReaderLedger> reader(Runnable body) {
        ReaderLedger rl = new Ledger(false).reader("reader-0");
        rl.bind(start(() -> {
            rl.started();                           // as UserReaders' readers do: the kernel's state is read too
            body.run();
        }, "reader-0"));
        rl.sleeping();
        return List.of(rl);
    }

    private static List<ReaderLedger> noReaders() {
        return List.of();
    }

    /** An interrupt CPU that never enters atomic context. */
    private AtomicContext.CpuThread idleCpu() {
        return cpu(null);
    }

    /** An interrupt CPU that runs {@code inHardIrq} in one atomic section (or nothing, when null). */
    private AtomicContext.CpuThread cpu(Runnable inHardIrq) {
        return cpu(inHardIrq, null);
    }

    /** An interrupt CPU that runs {@code inHardIrq} in one atomic section, then {@code after} outside it. */
    private AtomicContext.CpuThread cpu(Runnable inHardIrq, Runnable after) {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicContext.CpuThread cpu = new AtomicContext.CpuThread(() -> {
            AtomicContext.CpuThread self = (AtomicContext.CpuThread) Thread.currentThread();
            if (inHardIrq != null) {
                self.enterAtomic();
                entered.countDown();
                inHardIrq.run();
                self.exitAtomic();
            } else {
                entered.countDown();
            }
            if (after != null) {
                after.run();
            }
        }, "cpu0");
        threads.add(cpu);
        cpu.start();
        try {
            assertTrue(entered.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return cpu;
    }

    private Thread start(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }
}
