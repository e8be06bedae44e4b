package io.wakepath.jmm.programs;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Wait/wake handshakes for the store-buffering check, with known answers: a sleeper registers ({@code waiter}) and
 * checks the condition ({@code ready}); a waker makes the condition true and wakes the registered sleeper. The harness
 * runs the waker after the sleeper's check (a hand-off the detector cannot see), so in the run the sleeper misses the
 * condition and the waker sees the registration; the detector must report the handshakes in which the JMM lets the
 * waker miss it as well. Instrumented, as {@link Programs} are.
 */
public final class WakePrograms {
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private WakePrograms() {
    }

    /** A handshake: the sleeper's part (calls {@code checked} between its check and its wait) and the waker's. */
    public abstract static class Handshake {
        static final VarHandle WAITER = Programs.handle(Handshake.class, "waiter");
        static final VarHandle READY = Programs.handle(Handshake.class, "ready");
        Thread waiter;
        int ready;

        /** Stores the registration. */
        abstract void register();

        /** Loads the condition. */
        abstract boolean check();

        /** Stores the condition. */
        abstract void post();

        /** Loads the registration. */
        abstract Thread registered();

        public final void sleep(Runnable checked) {
            register();
            boolean seen = check();
            checked.run();
            long deadline = System.nanoTime() + GIVE_UP_NANOS;
            while (!seen && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(deadline - System.nanoTime());   // until the wake: no look before it
                seen = (int) READY.getAcquire(this) == 1;
            }
        }

        public final void wake() {
            post();
            Thread w = registered();
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    /**
     * Release stores and acquire loads on both sides, with a full fence after the store on the sides that ask for one:
     * correct only with both (the kernel's set_current_state and wq_has_sleeper).
     */
    public static final class ReleaseAcquire extends Handshake {
        private final boolean sleeperFence;
        private final boolean wakerFence;

        private ReleaseAcquire(boolean sleeperFence, boolean wakerFence) {
            this.sleeperFence = sleeperFence;
            this.wakerFence = wakerFence;
        }

        /** No fence on the sleeper's side. */
        public static Handshake unfencedSleeper() {
            return new ReleaseAcquire(false, true);
        }

        /** No fence on the waker's side. */
        public static Handshake unfencedWaker() {
            return new ReleaseAcquire(true, false);
        }

        /** Fences on both sides: correct. */
        public static Handshake fencedBoth() {
            return new ReleaseAcquire(true, true);
        }

        void register() {
            WAITER.setRelease(this, Thread.currentThread());
            if (sleeperFence) {
                VarHandle.fullFence();
            }
        }

        boolean check() {
            return (int) READY.getAcquire(this) == 1;
        }

        void post() {
            READY.setRelease(this, 1);
            if (wakerFence) {
                VarHandle.fullFence();
            }
        }

        Thread registered() {
            return (Thread) WAITER.getAcquire(this);
        }
    }

    /** Volatile stores and loads on both sides: in the synchronization order, so correct without fences. */
    public static final class VolatileBoth extends Handshake {
        void register() {
            WAITER.setVolatile(this, Thread.currentThread());
        }

        boolean check() {
            return (int) READY.getVolatile(this) == 1;
        }

        void post() {
            READY.setVolatile(this, 1);
        }

        Thread registered() {
            return (Thread) WAITER.getVolatile(this);
        }
    }

    /** The sleeper registers with a compare-and-set (a full barrier), the waker takes the waiter with getAndSet. */
    public static final class AtomicBoth extends Handshake {
        void register() {
            WAITER.compareAndSet(this, null, Thread.currentThread());
        }

        boolean check() {
            return (int) READY.getAcquire(this) == 1;
        }

        void post() {
            READY.setRelease(this, 1);
        }

        Thread registered() {
            return (Thread) WAITER.getAndSet(this, null);
        }
    }

    /** Every access under one monitor: happens-before orders the waker's check after the registration. */
    public static final class Locked extends Handshake {
        private final Object lock = new Object();

        void register() {
            synchronized (lock) {
                waiter = Thread.currentThread();
            }
        }

        boolean check() {
            synchronized (lock) {
                return ready == 1;
            }
        }

        void post() {
            synchronized (lock) {
                ready = 1;
            }
        }

        Thread registered() {
            synchronized (lock) {
                return waiter;
            }
        }
    }

    /**
     * A store-buffering pair that decides no wake: a ring's producer and consumer each move their index and then read
     * the other's, and either may read it stale (it will read again). Nothing is unparked, so nothing is reported.
     */
    public static final class StaleButHarmless {
        static final VarHandle HEAD = Programs.handle(StaleButHarmless.class, "head");
        static final VarHandle TAIL = Programs.handle(StaleButHarmless.class, "tail");
        long head;
        long tail;

        /** A ring's consumer: moves head, then looks at tail (may be stale: it will look again). */
        public long consume() {
            HEAD.setRelease(this, 1L);
            return (long) TAIL.getAcquire(this);
        }

        /** A ring's producer: moves tail, then looks at head to see the free space. */
        public long produce() {
            TAIL.setRelease(this, 1L);
            return (long) HEAD.getAcquire(this);
        }
    }

    /**
     * The sleeper registers with {@code lazySet} (a release) and checks with an acquire load: unfenced; the waker's
     * volatile store and volatile load are ordered. Through an {@code AtomicReference}, as user code often is.
     */
    public static final class AtomicReferenceSleeper extends Handshake {
        private final AtomicReference<Thread> registration = new AtomicReference<>();

        void register() {
            registration.lazySet(Thread.currentThread());
        }

        boolean check() {
            return (int) READY.getAcquire(this) == 1;
        }

        void post() {
            READY.setVolatile(this, 1);
        }

        Thread registered() {
            return registration.get();
        }
    }

    /**
     * A wait that times out, then registers again without looking (a check-then-register waiter, as the
     * {@code TimedLateWakeQueue} example: the other checkers' to catch, not store buffering): the sleeper takes its
     * registration back and looks at the condition with no fence between, missing the post; the waker's first look
     * finds nobody; the sleeper registers again, and the waker's second look wakes it. The wake rests on the second
     * registration and the second look, with no store buffering between them; pairing the first look, or the
     * taken-back registration, with it would report a store-buffering loss the class does not have. The test drives
     * the phases.
     */
    public static final class TimedOutThenWoken {
        static final VarHandle WAITER = Programs.handle(TimedOutThenWoken.class, "waiter");
        static final VarHandle READY = Programs.handle(TimedOutThenWoken.class, "ready");
        Thread waiter;
        int ready;

        /** Registers, fenced, and looks: nothing yet. */
        public boolean register() {
            registerAgain();
            return (int) READY.getAcquire(this) == 1;
        }

        /** Registers, fenced, and does not look. */
        public void registerAgain() {
            WAITER.setRelease(this, Thread.currentThread());
            VarHandle.fullFence();
        }

        /** Timed out: takes the registration back, then a last look. */
        public boolean leave() {
            WAITER.setRelease(this, null);
            return (int) READY.getAcquire(this) == 1;
        }

        /** Posts and looks for a sleeper (none, the first time); wakes one it finds. */
        public boolean post() {
            READY.setRelease(this, 1);
            VarHandle.fullFence();
            return wakeRegistered();
        }

        /** Looks for a sleeper again; wakes one it finds. */
        public boolean wakeRegistered() {
            Thread w = (Thread) WAITER.getAcquire(this);
            if (w != null) {
                LockSupport.unpark(w);
            }
            return w != null;
        }
    }
}
