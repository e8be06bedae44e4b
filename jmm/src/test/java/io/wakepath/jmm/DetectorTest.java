package io.wakepath.jmm;

import io.wakepath.jmm.programs.Programs;
import io.wakepath.jmm.programs.Programs.Program;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector on small programs with known answers (they run instrumented: this module's tests run under the agent).
 * The reader runs after the writer, handed over through a latch the detector cannot see (the harness is not
 * instrumented), so the only happens-before edges are the program's own.
 */
class DetectorTest {

    /** Runs the program's writer, then its reader, on two threads; the races found. */
    private static List<Race> run(Supplier<Program> make) throws InterruptedException {
        Hb.reset();
        Program p = make.get();
        CountDownLatch written = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            p.writer();
            written.countDown();
        }, "writer");
        Thread reader = new Thread(() -> {
            try {
                if (written.await(10, TimeUnit.SECONDS)) {
                    p.reader();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "reader");
        Threads.run(writer, reader);
        assertTrue(Hb.events() > 0, "the program ran uninstrumented: " + Agent.failures());
        return Hb.races();
    }

    private static void assertRaceOn(String field, List<Race> races) {
        assertTrue(races.stream().anyMatch(r -> r.location().contains(field)),
                "expected a race on " + field + ", found: " + races.stream().map(Race::report).toList());
    }

    private static void assertNoRace(List<Race> races) {
        assertEquals(List.of(), races.stream().map(Race::report).toList());
    }

    @Test
    void shouldReportAPlainFlagPublication() throws InterruptedException {
        assertRaceOn("PlainFlag.data", run(Programs.PlainFlag::new));
    }

    @Test
    void shouldPlaceARaceAtItsWriteThenAtTheAccessItRacesWith() throws InterruptedException {
        Race race = run(Programs.PlainFlag::new).stream().filter(r -> r.location().contains("PlainFlag.data"))
                .findFirst().orElseThrow();
        Finding f = race.finding();
        assertEquals("data-race", f.rule());
        assertEquals(race.summary(), f.message());
        assertEquals(2, f.places().size(), f.toString());
        for (Finding.Place p : f.places()) {
            assertEquals("io/wakepath/jmm/programs/Programs.java", p.path());
            assertTrue(p.line() > 0, p.toString());
        }
        Detector.Access write = race.first().write() ? race.first() : race.second();
        assertEquals(Sites.get(write.site()).line(), f.places().get(0).line(), f.toString());
        assertTrue(f.places().get(0).role().startsWith("plain store of "), f.places().get(0).role());
        assertTrue(f.places().get(1).role().contains(" load of "), f.places().get(1).role());
    }

    @Test
    void shouldReportAnOpaqueFlagPublication() throws InterruptedException {
        List<Race> races = run(Programs.OpaqueFlag::new);
        assertRaceOn("OpaqueFlag.data", races);
        assertTrue(races.get(0).missing().contains("publish nothing"), races.get(0).report());
    }

    @Test
    void shouldAcceptReleaseAcquirePublication() throws InterruptedException {
        assertNoRace(run(Programs.ReleaseAcquireFlag::new));
    }

    @Test
    void shouldAcceptVolatilePublication() throws InterruptedException {
        assertNoRace(run(Programs.VolatileFlag::new));
    }

    @Test
    void shouldAcceptSynchronizedBlocksAndMethods() throws InterruptedException {
        assertNoRace(run(Programs.SynchronizedHandOff::new));
        assertNoRace(run(Programs.SynchronizedMethods::new));
    }

    @Test
    void shouldAcceptLazySetPublication() throws InterruptedException {
        assertNoRace(run(Programs.LazySetFlag::new));
    }

    @Test
    void shouldAcceptUnsafePutOrderedAndReportUnsafePlainPut() throws InterruptedException {
        assertNoRace(run(Programs.UnsafePutOrdered::new));
        assertRaceOn("UnsafePlainFlag.data", run(Programs.UnsafePlainFlag::new));
    }

    @Test
    void shouldAcceptFenceBasedPublicationAndReportAMissingAcquireFence() throws InterruptedException {
        assertNoRace(run(Programs.FencedFlag::new));
        assertRaceOn("HalfFencedFlag.data", run(Programs.HalfFencedFlag::new));
    }

    @Test
    void shouldTakeThePlainAccessesOfTheFenceIdiomForOpaqueOnes() throws InterruptedException {
        assertNoRace(run(Programs.FenceIdiomFlag::new));
        assertRaceOn("FenceAfterStore.data", run(Programs.FenceAfterStore::new));
    }

    @Test
    void shouldAcceptAConcurrentLinkedQueueHandOff() throws InterruptedException {
        assertNoRace(run(Programs.QueueHandOff::new));
    }

    @Test
    void shouldAcceptThreadStartAndJoin() throws InterruptedException {
        assertNoRace(run(Programs.StartJoin::new));
    }

    @Test
    void shouldNotReportABenignOpaqueCounterButAPlainOne() throws InterruptedException {
        assertNoRace(run(Programs.OpaqueCounter::new));
        assertRaceOn("PlainCounter.count", run(Programs.PlainCounter::new));
    }

    @Test
    void shouldReportASlotWrittenAfterItsIndexWasReleased() throws InterruptedException {
        assertNoRace(run(Programs.ReleasedSlot::new));
        List<Race> races = run(Programs.EarlySlot::new);
        assertRaceOn("long[4] element 0", races);
        assertTrue(races.get(0).missing().contains("before the write, not after it"), races.get(0).report());
    }
}
