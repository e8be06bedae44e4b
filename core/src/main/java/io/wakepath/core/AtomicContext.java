package io.wakepath.core;

/**
 * Atomic context, as the kernel means it: code that must not sleep (a hard interrupt handler). A thread that
 * sometimes runs such code is a {@link CpuThread}; while it is inside {@link CpuThread#enterAtomic()} ...
 * {@link CpuThread#exitAtomic()}, a call of {@link #mightSleep} (made by everything that can block: every
 * {@code WaitQueue.wait}) raises {@link SleepInAtomicError} instead of sleeping, as the kernel's
 * {@code might_sleep()} prints "BUG: scheduling while atomic".
 *
 * <p>The check is one {@code instanceof} and one plain read on the calling thread's own object: cheap enough for every
 * wait's fast path.
 */
public final class AtomicContext {
    private AtomicContext() {
    }

    /** {@code might_sleep()}: raises {@link SleepInAtomicError} when the calling thread is in atomic context. */
    public static void mightSleep(String what) {
        if (Thread.currentThread() instanceof CpuThread cpu && cpu.atomicDepth > 0) {
            throw new SleepInAtomicError(what + " called in atomic context (" + cpu.getName() + ")");
        }
    }

    /** Whether the calling thread is in atomic context now. */
    public static boolean inAtomic() {
        return Thread.currentThread() instanceof CpuThread cpu && cpu.atomicDepth > 0;
    }

    /** A platform thread that runs hard-IRQ code: the "interrupt CPU". */
    public static final class CpuThread extends Thread {
        private int atomicDepth;            // written and read by this thread only
        // For observers (a watchdog's "stuck in hard IRQ"): entries plus exits of the outermost atomic section, so odd
        // while inside one, and each section has its own value.
        private volatile long atomicEdges;

        public CpuThread(Runnable body, String name) {
            super(body, name);
            setDaemon(true);
        }

        /** Enters atomic context; called on this thread. */
        public void enterAtomic() {
            requireSelf();
            if (atomicDepth++ == 0) {
                atomicEdges++;
            }
        }

        /** Leaves atomic context; called on this thread. */
        public void exitAtomic() {
            requireSelf();
            if (atomicDepth == 0) {
                throw new IllegalStateException("exitAtomic without enterAtomic");
            }
            if (--atomicDepth == 0) {
                atomicEdges++;
            }
        }

        /** Whether this thread is in atomic context, as another thread sees it. */
        public boolean inAtomicNow() {
            return (atomicEdges & 1) == 1;
        }

        /**
         * Which atomic section this thread is in, as another thread sees it: a value that changes with every entry and
         * exit, odd inside a section. Two looks that see the same odd value saw one section (one handler run).
         */
        public long atomicSection() {
            return atomicEdges;
        }

        private void requireSelf() {
            if (Thread.currentThread() != this) {
                throw new IllegalStateException("atomic context is entered and left by " + getName() + " itself");
            }
        }
    }

    /** "BUG: scheduling while atomic": an attempt to sleep where sleeping is not allowed. */
    public static final class SleepInAtomicError extends Error {
        public SleepInAtomicError(String message) {
            super("BUG: scheduling while atomic: " + message);
        }
    }
}
