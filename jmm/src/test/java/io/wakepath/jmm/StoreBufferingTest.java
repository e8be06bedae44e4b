package io.wakepath.jmm;

import io.wakepath.jmm.programs.WakePrograms;
import io.wakepath.jmm.programs.WakePrograms.Handshake;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store-buffering check on wait/wake handshakes with known answers. The waker runs after the sleeper's check,
 * handed over through a latch the detector cannot see, so in every run the sleeper misses the condition and the
 * waker sees the registration: the detector must say whether the JMM also allows the waker to miss it.
 */
class StoreBufferingTest {

    private static List<LostWake> run(Supplier<Handshake> make) throws InterruptedException {
        Hb.reset();
        Handshake h = make.get();
        CountDownLatch checked = new CountDownLatch(1);
        Threads.run(new Thread(() -> h.sleep(checked::countDown), "sleeper"), new Thread(() -> {
            try {
                if (checked.await(10, TimeUnit.SECONDS)) {
                    h.wake();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waker"));
        assertTrue(Hb.events() > 0, "the program ran uninstrumented: " + Agent.failures());
        return Hb.lostWakes();
    }

    private static LostWake single(List<LostWake> found) {
        assertEquals(1, found.size(), found.stream().map(LostWake::report).toList().toString());
        return found.get(0);
    }

    @Test
    void shouldReportASleeperWithoutAFullFence() throws InterruptedException {
        LostWake w = single(run(WakePrograms.ReleaseAcquire::unfencedSleeper));
        assertTrue(!w.sleeperFenced() && w.wakerFenced(), w.report());
        assertEquals("Handshake.ready", w.y());
        assertEquals("Handshake.waiter", w.x());
        assertTrue(w.summary().contains("no full barrier between sleeper's store at WakePrograms.java:"), w.summary());
    }

    @Test
    void shouldReportAWakerWithoutAFullFence() throws InterruptedException {
        LostWake w = single(run(WakePrograms.ReleaseAcquire::unfencedWaker));
        assertTrue(w.sleeperFenced() && !w.wakerFenced(), w.report());
        assertTrue(w.missing().startsWith("no full barrier between waker's store"), w.missing());
    }

    @Test
    void shouldPlaceALostWakeupAtTheUnfencedSidesStoreFirst() throws InterruptedException {
        for (boolean sleeperUnfenced : new boolean[] {true, false}) {
            LostWake w = single(run(sleeperUnfenced ? WakePrograms.ReleaseAcquire::unfencedSleeper
                    : WakePrograms.ReleaseAcquire::unfencedWaker));
            Finding f = w.finding();
            assertEquals("lost-wakeup", f.rule());
            assertEquals(4, f.places().size(), f.toString());
            assertTrue(f.places().stream().allMatch(p -> p.path().equals("io/wakepath/jmm/programs/WakePrograms.java")
                    && p.line() > 0), f.toString());
            Detector.Access first = sleeperUnfenced ? w.sleeperStore() : w.wakerStore();
            assertEquals(Sites.get(first.site()).line(), f.places().get(0).line(), f.toString());
            assertTrue(f.places().get(0).role().contains("with no full barrier before its check"), f.toString());
        }
    }

    @Test
    void shouldReportARegistrationLazySetThroughAnAtomicReference() throws InterruptedException {
        LostWake w = single(run(WakePrograms.AtomicReferenceSleeper::new));
        assertTrue(!w.sleeperFenced() && w.wakerFenced(), w.report());
    }

    /** Full fences on both sides; volatile accesses; read-modify-writes (full barriers); one lock around all. */
    @Test
    void shouldAcceptHandshakesThatOrderBothSides() throws InterruptedException {
        List<Supplier<Handshake>> correct = List.of(WakePrograms.ReleaseAcquire::fencedBoth,
                WakePrograms.VolatileBoth::new, WakePrograms.AtomicBoth::new, WakePrograms.Locked::new);
        for (Supplier<Handshake> h : correct) {
            assertEquals(List.of(), run(h).stream().map(LostWake::report).toList());
        }
    }

    @Test
    void shouldNotReportAStoreBufferingPairThatWakesNobody() throws InterruptedException {
        Hb.reset();
        WakePrograms.StaleButHarmless ring = new WakePrograms.StaleButHarmless();
        Threads.run(new Thread(ring::consume, "consumer"), new Thread(ring::produce, "producer"));
        assertTrue(Hb.events() > 0);
        assertEquals(List.of(), Hb.lostWakes());
    }

    @Test
    void shouldPairAWakeWithTheLookAndRegistrationThatDecidedIt() throws InterruptedException {
        Hb.reset();
        WakePrograms.TimedOutThenWoken h = new WakePrograms.TimedOutThenWoken();
        CountDownLatch left = new CountDownLatch(1);
        CountDownLatch lookedInVain = new CountDownLatch(1);
        CountDownLatch registeredAgain = new CountDownLatch(1);
        boolean[] found = new boolean[2];
        Threads.run(new Thread(() -> {
            h.register();
            h.leave();
            left.countDown();
            await(lookedInVain);
            h.registerAgain();
            registeredAgain.countDown();
        }, "sleeper"), new Thread(() -> {
            await(left);
            found[0] = h.post();
            lookedInVain.countDown();
            await(registeredAgain);
            found[1] = h.wakeRegistered();
        }, "waker"));
        assertTrue(Hb.events() > 0);
        assertTrue(!found[0] && found[1], "the first look must find nobody, the second the sleeper");
        assertEquals(List.of(), Hb.lostWakes().stream().map(LostWake::report).toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
