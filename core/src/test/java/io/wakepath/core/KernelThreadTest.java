package io.wakepath.core;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the kernel says of a thread, against what the thread is known to be doing. */
class KernelThreadTest {

    @Test
    void shouldKnowTheKernelsStateOfAPlatformThreadOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "only Linux has /proc/thread-self");
        KernelThread self = KernelThread.current();
        assertTrue(self.kernelKnown());
        assertTrue(self.runnable(), "the calling thread is running");
        assertFalse(self.asleep());
        assertEquals(Thread.currentThread(), self.thread());
    }

    @Test
    void shouldCallAParkedThreadAsleepAndASpinningOneNot() throws Exception {
        CompletableFuture<KernelThread> parked = new CompletableFuture<>();
        CompletableFuture<KernelThread> spinning = new CompletableFuture<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread sleeper = Thread.ofPlatform().daemon().start(() -> {
            parked.complete(KernelThread.current());
            while (!done.get()) {
                LockSupport.park();                     // again after a spurious return
            }
        });
        Thread spinner = Thread.ofPlatform().daemon().start(() -> {
            spinning.complete(KernelThread.current());
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        });
        try {
            KernelThread p = parked.get(10, TimeUnit.SECONDS);
            KernelThread s = spinning.get(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!p.asleep() && System.nanoTime() - deadline < 0) {
                Thread.sleep(1);
            }
            assertTrue(p.asleep(), "parked: " + sleeper.getState());
            assertFalse(s.asleep());
            if (s.kernelKnown()) {
                assertTrue(s.runnable(), "a spinning thread is runnable, on a CPU or queued for one");
                assertFalse(p.runnable());
            }
        } finally {
            done.set(true);
            LockSupport.unpark(sleeper);
            spinner.interrupt();
            sleeper.join(10_000);
            spinner.join(10_000);
        }
    }

    @Test
    void shouldSayNothingOfAThreadThatEnded() throws Exception {
        CompletableFuture<KernelThread> ended = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> ended.complete(KernelThread.current()));
        t.join(10_000);
        KernelThread k = ended.get(10, TimeUnit.SECONDS);
        assertFalse(k.runnable());
        assertFalse(k.asleep());
    }

    @Test
    void shouldLeaveAVirtualThreadToItsJavaState() throws Exception {
        CompletableFuture<KernelThread> virtual = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> virtual.complete(KernelThread.current())).join(10_000);
        assertFalse(virtual.get(10, TimeUnit.SECONDS).kernelKnown());
    }
}
