package io.wakepath.waitqueue;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJJ_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/*
 * An exclusive wake is never eaten. Waiter A waits exclusively for a token; the waker queues a second exclusive
 * waiter B (a callback entry standing for a thread that would take the token), posts one token and wakes one
 * exclusive waiter. A leaves its wait for a reason of its own at about the same time (an interrupt, its deadline).
 * If the wake chose A and A leaves, A must still take the token (it looks at the condition once more) or pass the
 * wake on to B.
 *
 *   r1 = A's result (untimed: 0 took the token, -512 interrupted; Deadline: 1 took it, 0 timed out),
 *   r2 = wakes B received, r3 = tokens left
 *
 * Three nested tests put A's reason to leave at different places, because a queue can check the reason before or
 * after it looks at its entry, and only an interrupt or deadline that lands between the two shows that a chosen
 * waiter left without the token:
 *   WakeThenInterrupt  the waker wakes, then interrupts A (A finds itself chosen and interrupted);
 *   InterruptThenWake  the waker interrupts A, then wakes (A sees the interrupt while the wake takes its entry),
 *                      then interrupts again (if A queued after the first, the wake went to B and A must not sleep on);
 *   Deadline           A waits 1 us: its deadline passes while it sleeps, when the wake comes.
 * Interrupts are delivered, and A's interrupt status cleared, under one lock, so no interrupt outlives A's wait.
 */
public class WaitQueueExclusiveHandOffStress {

    /** The queue, the token, B, and A's thread for the waker to interrupt. */
    abstract static class HandOff {
        final WaitQueue queue = WaitQueueUnderTest.create();
        final AtomicInteger tokens = new AtomicInteger();
        final AtomicInteger wakesOfB = new AtomicInteger();
        final Object interruptLock = new Object();
        Thread waiterA;                                   // guarded by interruptLock

        long waitInterruptibly() {
            synchronized (interruptLock) {
                waiterA = Thread.currentThread();
            }
            long result = queue.waitEventInterruptibleExclusive(this::takeToken);
            synchronized (interruptLock) {
                waiterA = null;
                Thread.interrupted();                     // whatever the waker sent is consumed here, not by jcstress
            }
            return result;
        }

        void queueB() {
            queue.add((entry, key) -> {
                wakesOfB.incrementAndGet();
                return 1;
            }, true, true);
        }

        void postAndWake() {
            tokens.set(1);
            queue.wakeUp();
        }

        void interruptA() {
            synchronized (interruptLock) {
                if (waiterA != null) {
                    waiterA.interrupt();
                }
            }
        }

        void arbiter(JJJ_Result r) {
            r.r2 = wakesOfB.get();
            r.r3 = tokens.get();
        }

        boolean takeToken() {
            return tokens.get() > 0 && tokens.compareAndSet(1, 0);
        }
    }

    @JCStressTest
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "A took the token (woken, or saw it first); B slept on.")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The wake went to B, and A found the token on its own.")
    @Outcome(id = "-512, 1, 1", expect = ACCEPTABLE, desc = "A left on the interrupt before being chosen; the wake went to B.")
    @Outcome(id = "-512, 0, 1", expect = FORBIDDEN, desc = "The wake chose A, A left on the interrupt without the token and nobody else was woken: the wake was eaten.")
    @Outcome(expect = FORBIDDEN, desc = "A token lost or taken twice.")
    @State
    public static class WakeThenInterrupt extends HandOff {
        @Actor
        public void waiterA(JJJ_Result r) {
            r.r1 = waitInterruptibly();
        }

        @Actor
        public void waker() {
            queueB();
            postAndWake();
            interruptA();
        }

        @Arbiter
        public void arbiter(JJJ_Result r) {
            super.arbiter(r);
        }
    }

    @JCStressTest
    @Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "A took the token (woken, or saw it first); B slept on.")
    @Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The wake went to B, and A found the token on its own.")
    @Outcome(id = "-512, 1, 1", expect = ACCEPTABLE, desc = "A left on the interrupt before the wake; the wake went to B.")
    @Outcome(id = "-512, 0, 1", expect = FORBIDDEN, desc = "A, interrupted, was chosen by the wake as it left, and left without the token or passing the wake on: the wake was eaten.")
    @Outcome(expect = FORBIDDEN, desc = "A token lost or taken twice.")
    @State
    public static class InterruptThenWake extends HandOff {
        @Actor
        public void waiterA(JJJ_Result r) {
            r.r1 = waitInterruptibly();
        }

        @Actor
        public void waker() {
            queueB();
            interruptA();
            postAndWake();
            interruptA();            // A may have queued after the first; the wake went to B: it must not sleep on
        }

        @Arbiter
        public void arbiter(JJJ_Result r) {
            super.arbiter(r);
        }
    }

    @JCStressTest
    @Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "A took the token (in time, or only at its deadline); B slept on.")
    @Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "The wake went to B, and A found the token on its own.")
    @Outcome(id = "0, 1, 1", expect = ACCEPTABLE, desc = "A timed out before the wake; the wake went to B.")
    @Outcome(id = "0, 0, 1", expect = FORBIDDEN, desc = "The wake chose A, A timed out without the token and nobody else was woken: the wake was eaten.")
    @Outcome(expect = FORBIDDEN, desc = "A token lost or taken twice.")
    @State
    public static class Deadline extends HandOff {
        static final long TIMEOUT_NANOS = 1_000;

        @Actor
        public void waiterA(JJJ_Result r) {
            long left = queue.wait(this::takeToken, true, false, TIMEOUT_NANOS);
            r.r1 = left > 0 ? 1 : left;
        }

        @Actor
        public void waker() {
            queueB();
            postAndWake();
        }

        @Arbiter
        public void arbiter(JJJ_Result r) {
            super.arbiter(r);
        }
    }
}
