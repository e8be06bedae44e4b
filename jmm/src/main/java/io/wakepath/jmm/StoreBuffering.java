package io.wakepath.jmm;

import java.util.HashSet;
import java.util.Set;

/**
 * Lost wakeups by store buffering, the one reordering x86 shows and the hardest to catch by running: a sleeper
 * registers (a store) and then checks the condition (a load); a waker makes the condition true (a store) and then
 * checks for sleepers (a load). The JMM lets both loads miss the other side's store unless a full barrier separates the
 * store from the load on <em>both</em> sides (the kernel's {@code smp_mb()} pair: {@code set_current_state} and
 * {@code wq_has_sleeper}): then the sleeper waits for a wake that does not come.
 *
 * <p>Run once, a program shows one side missing and the other seeing, never both. The detector finds the pair in a
 * run where the waker saw the registration and woke the sleeper, and asks whether the JMM would have let it miss:
 * when thread B unparks thread A, it looks for
 * <pre>
 *   A: store x (S_A) ... load y (L_A)          L_A ran before S_B: it missed it (the run shows that)
 *   B: store y (S_B) ... load x (L_B)          L_B read S_A, which happens-before did not order before it
 * </pre>
 * where L_A is A's latest load of y, and the two loads are each after their store in program order. If some side has
 * no full barrier between its store and its load (a full fence, an atomic read-modify-write, a lock taken, or a
 * volatile store followed by a volatile load), L_B may read x from before S_A: B does not wake A, who saw nothing to
 * do. Only wakes count (an {@code unpark} of the sleeper), so a store-buffering pair that decides nothing (a ring's
 * head and tail read stale, then read again) is not reported. Barriers are counted as {@link Detector#barrier()} says.
 */
final class StoreBuffering {
    /** Accesses each thread remembers: enough for one wait or wake path. */
    private static final int RECENT = 128;

    private StoreBuffering() {
    }

    /** One remembered access; for a load, the write it read and whether happens-before ordered that write first. */
    private record Entry(Detector.Location location, Detector.Access access, Detector.Access read, boolean ordered) {
    }

    /** A thread's latest loads and stores, newest last. */
    static final class Recent {
        private final Entry[] loads = new Entry[RECENT];
        private final Entry[] stores = new Entry[RECENT];
        private int loadCount;
        private int storeCount;

        void load(Detector.Location location, Detector.Access access, Detector.Access read, boolean ordered) {
            loads[loadCount++ % RECENT] = new Entry(location, access, read, ordered);
        }

        void store(Detector.Location location, Detector.Access access) {
            stores[storeCount++ % RECENT] = new Entry(location, access, null, false);
        }

        private static Entry newest(Entry[] ring, int count, int back) {
            return back < Math.min(count, RECENT) ? ring[(count - 1 - back) % RECENT] : null;
        }
    }

    /**
     * The pair that lets {@code waker}'s wake of {@code sleeper} be lost, or null. Only a registration the sleeper has
     * not overwritten since counts: a look that read a registration taken back (and found nobody), followed by a wake
     * that a later look at a new registration decided, explains nothing. The waker's looks are tried oldest first:
     * the check that decides a wake comes right after the store (a lock the waker then spins on reads the
     * registration's unlock too, but a stale read there only makes it spin longer).
     */
    static LostWake find(int sleeperId, Recent sleeper, Recent waker) {
        for (int i = Math.min(waker.loadCount, RECENT) - 1; i >= 0; i--) {
            Entry lb = Recent.newest(waker.loads, waker.loadCount, i);
            Detector.Access sa = lb.read();
            if (sa == null || sa.thread() != sleeperId || lb.ordered() || overwritten(sleeper, lb.location(), sa)) {
                continue;
            }
            LostWake found = missed(sleeper, waker, lb, sa);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Whether the sleeper stored to {@code location} again after {@code store}: a registration no longer current. */
    private static boolean overwritten(Recent sleeper, Detector.Location location, Detector.Access store) {
        for (int k = 0; ; k++) {
            Entry s = Recent.newest(sleeper.stores, sleeper.storeCount, k);
            if (s == null || s.access().seq() <= store.seq()) {
                return false;
            }
            if (s.location() == location) {
                return true;
            }
        }
    }

    /** A load of the sleeper after {@code sa} that missed a store the waker made before {@code lb}. */
    private static LostWake missed(Recent sleeper, Recent waker, Entry lb, Detector.Access sa) {
        Set<Detector.Location> seen = new HashSet<>();
        for (int j = 0; ; j++) {
            Entry la = Recent.newest(sleeper.loads, sleeper.loadCount, j);
            if (la == null || la.access().seq() <= sa.seq()) {
                return null;
            }
            if (la.location() == lb.location() || !seen.add(la.location())) {
                continue;                                  // only the sleeper's latest look at each location counts
            }
            for (int k = 0; ; k++) {
                Entry sb = Recent.newest(waker.stores, waker.storeCount, k);
                if (sb == null || sb.access().seq() <= la.access().seq()) {
                    break;
                }
                if (sb.location() != la.location() || sb.access().seq() >= lb.access().seq()) {
                    continue;
                }
                boolean sleeperFenced = la.access().epoch() > sa.epoch();
                boolean wakerFenced = lb.access().epoch() > sb.access().epoch();
                if (!sleeperFenced || !wakerFenced) {
                    return new LostWake(lb.location().describe(), la.location().describe(), sa, la.access(),
                            sb.access(), lb.access(), sleeperFenced, wakerFenced);
                }
            }
        }
    }
}
