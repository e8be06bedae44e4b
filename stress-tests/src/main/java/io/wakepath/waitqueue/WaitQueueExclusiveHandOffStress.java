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
 * An exclusive wake is never eaten. Waiter A waits exclusively (interruptible) for a token; the waker queues a second
 * exclusive waiter B (a callback entry standing for a thread that would take the token), posts one token, wakes one
 * exclusive waiter and interrupts A. If the wake chose A and A leaves on the interrupt, A must still take the token
 * (it re-checks the condition) or pass the wake on to B.
 *
 *   r1 = A's result (0 took the token, -512 interrupted), r2 = wakes B received, r3 = tokens left
 *
 * The interrupt is delivered, and A's interrupt status cleared, under one lock, so no interrupt outlives A's wait.
 */
@JCStressTest
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "A took the token (woken, or saw it first); B slept on.")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "The wake went to B, and A found the token on its own.")
@Outcome(id = "-512, 1, 1", expect = ACCEPTABLE, desc = "A left on the interrupt before being chosen; the wake went to B.")
@Outcome(id = "-512, 0, 1", expect = FORBIDDEN, desc = "The wake chose A, A left on the interrupt without the token and nobody else was woken: the wake was eaten.")
@Outcome(expect = FORBIDDEN, desc = "A token lost or taken twice.")
@State
public class WaitQueueExclusiveHandOffStress {
    final WaitQueue queue = WaitQueueUnderTest.create();
    final AtomicInteger tokens = new AtomicInteger();
    final AtomicInteger wakesOfB = new AtomicInteger();
    final Object interruptLock = new Object();
    Thread waiterA;                                   // guarded by interruptLock

    @Actor
    public void waiterA(JJJ_Result r) {
        synchronized (interruptLock) {
            waiterA = Thread.currentThread();
        }
        long result = queue.waitEventInterruptibleExclusive(this::takeToken);
        synchronized (interruptLock) {
            waiterA = null;
            Thread.interrupted();                     // whatever the waker sent is consumed here, not by jcstress
        }
        r.r1 = result;
    }

    @Actor
    public void waker() {
        queue.add((entry, key) -> {
            wakesOfB.incrementAndGet();
            return 1;
        }, true, true);
        tokens.set(1);
        queue.wakeUp();
        synchronized (interruptLock) {
            if (waiterA != null) {
                waiterA.interrupt();
            }
        }
    }

    @Arbiter
    public void arbiter(JJJ_Result r) {
        r.r2 = wakesOfB.get();
        r.r3 = tokens.get();
    }

    private boolean takeToken() {
        return tokens.get() > 0 && tokens.compareAndSet(1, 0);
    }
}
