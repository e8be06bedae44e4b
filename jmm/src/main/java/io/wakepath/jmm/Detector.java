package io.wakepath.jmm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before by the Java memory model's rules, with vector clocks, and the data races it leaves.
 *
 * <p>Every thread has a clock. Synchronization moves clocks between threads: a release (a release or volatile
 * store, an unlock, a monitor exit, a thread start) joins the thread's clock into the clock of the location or object
 * it releases through, and moves the thread's own time on; an acquire (an acquire or volatile load, a lock, a monitor
 * enter, a join) joins that clock into the thread's. Fences follow the C++/JDK 9 model: a release fence makes the
 * thread's later atomic stores publish its clock as of the fence; an acquire fence takes in what the thread's earlier
 * atomic loads read. An access is ordered before a later one in another thread when the later thread's clock covers
 * the earlier access's time.
 *
 * <p>Every memory location (an object and an offset: a field, an array element) remembers its last write and the
 * reads since. A read or write that conflicts with one of them (at least one a write, from another thread) and is not
 * ordered after it is a data race when the pair involves a plain read, or two plain accesses, or a plain write of a
 * long or double: reported once per pair of source lines, with both accesses and the edge that is missing. A plain
 * write of an int or a reference racing only with atomic (opaque or stronger) accesses is not reported: the JMM makes
 * the write indivisible and the atomic side declared the race (as JCTools clears a consumed slot with a plain store
 * while another consumer's volatile peek may look at it); whatever the reader then does with what it saw is judged
 * on its own accesses.
 *
 * <p>Every thread also remembers its latest loads and stores and how many full barriers it has passed, so that a
 * wake ({@code LockSupport.unpark}) can be judged for store buffering: {@link StoreBuffering}, {@link LostWake}.
 *
 * <p>One lock guards all of it: the workloads are small, and a serialized detector can never lose an update of its
 * own. Release bookkeeping is done before the store it describes and acquire bookkeeping after the load, so a load
 * that saw a store always sees the clock published with it: the detector may miss an edge only in the safe direction
 * (an extra edge, a race not reported), never report a race the program does not have.
 */
final class Detector {
    /** Synchronization events each thread remembers, to explain a missing edge. */
    private static final int HISTORY = 256;
    private static final int MAX_RACES = 200;
    /** How an explanation starts when no synchronization between the two threads could be found. */
    static final String NOTHING = "nothing synchronizes them";

    /**
     * An access to memory: who, when (the thread's own time, and a global sequence number), where, how; {@code wide}
     * for a long or double, whose plain accesses the JMM does not make atomic; {@code epoch}, how many full barriers
     * its thread had passed (two accesses of a thread in one epoch may be reordered store-before-load).
     */
    record Access(int thread, String threadName, int time, long seq, int site, Mode mode, boolean write,
                  boolean wide, int epoch) {
        String describe() {
            Site s = Sites.get(site);
            return mode.word(write) + " at " + s.where() + " in " + threadName;
        }
    }

    /** A synchronizing access a thread made (for explanations). */
    private record SyncEvent(Location location, Mode mode, boolean write, boolean fenced, int site, long seq) {
    }

    private static final class ThreadState {
        final int id;
        final String name;
        final VectorClock clock = new VectorClock();
        VectorClock releaseFence;        // the clock as of the last release fence, published by later atomic stores
        VectorClock pendingAcquire;      // what atomic loads read since the last acquire fence
        int epoch;                       // full barriers passed: see StoreBuffering
        boolean volatileStored;          // a volatile store since the last barrier (a volatile load after it is one)
        final StoreBuffering.Recent recent = new StoreBuffering.Recent();
        final SyncEvent[] history = new SyncEvent[HISTORY];
        int historyNext;

        ThreadState(int id, String name) {
            this.id = id;
            this.name = name;
            clock.set(id, 1);
        }

        void remember(SyncEvent e) {
            history[historyNext++ % HISTORY] = e;
        }

        List<SyncEvent> history() {
            List<SyncEvent> h = new ArrayList<>();
            for (int i = Math.max(0, historyNext - HISTORY); i < historyNext; i++) {
                h.add(history[i % HISTORY]);
            }
            return h;
        }
    }

    /** A memory location: an object (or array, or static base) and an offset. */
    static final class Location {
        final Object base;
        final long offset;
        String name;                     // a field's name, when an access knew it
        Access lastWrite;
        final List<Access> reads = new ArrayList<>(2);
        VectorClock sync;                // what releases through this location published

        Location(Object base, long offset) {
            this.base = base;
            this.offset = offset;
        }

        String describe() {
            if (name != null) {
                return name;
            }
            if (base != null && base.getClass().isArray()) {
                return Memory.element(base, offset);    // named after the field it was loaded from, when known
            }
            return (base == null ? "?" : base.getClass().getName()) + " at offset " + offset;
        }
    }

    private record Key(Object base, long offset) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.base == base && k.offset == offset;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(base) * 31 + Long.hashCode(offset);
        }
    }

    private final Map<Thread, ThreadState> threads = new IdentityHashMap<>();
    private final Map<Key, Location> memory = new HashMap<>();
    private final Map<Object, VectorClock> syncObjects = new IdentityHashMap<>();
    private final Map<Long, Race> races = new LinkedHashMap<>();
    private final Map<List<Integer>, LostWake> lostWakes = new LinkedHashMap<>();
    private long seq;
    private long events;

    // ---- threads

    private ThreadState state(Thread t) {
        ThreadState s = threads.get(t);
        if (s == null) {
            s = new ThreadState(threads.size(), t.getName());
            threads.put(t, s);
        }
        return s;
    }

    private ThreadState current() {
        return state(Thread.currentThread());
    }

    /** {@code child.start()}: everything the parent did so far happens-before everything the child does. */
    synchronized void threadStart(Thread child) {
        ThreadState parent = current();
        state(child).clock.join(parent.clock);
        parent.clock.tick(parent.id);
    }

    /** {@code child.join()} returned: everything the child did happens-before what the parent does next. */
    synchronized void threadJoined(Thread child) {
        ThreadState c = threads.get(child);
        if (c != null) {
            current().clock.join(c.clock);
        }
    }

    // ---- synchronization through objects: monitors, locks, collections, interrupts

    /** A release through {@code object} (unlock, monitor exit, insertion into a concurrent collection). */
    synchronized void release(Object object) {
        ThreadState t = current();
        syncObjects.computeIfAbsent(object, o -> new VectorClock()).join(t.clock);
        t.clock.tick(t.id);
    }

    /** An acquire through {@code object} (lock, monitor enter, removal from a concurrent collection). */
    synchronized void acquire(Object object) {
        current().clock.join(syncObjects.get(object));
    }

    // ---- fences

    synchronized void fence(boolean acquire, boolean release) {
        ThreadState t = current();
        if (acquire && t.pendingAcquire != null) {
            t.clock.join(t.pendingAcquire);
        }
        if (release) {
            t.releaseFence = t.clock.copy();
            t.clock.tick(t.id);
        }
        if (acquire && release) {
            barrier(t);
        }
    }

    /**
     * A full barrier in the current thread: a full fence, an atomic read-modify-write or compare-and-set, a lock taken.
     * The JMM promises the last two less than a fence, but every JVM implements them with an instruction that orders
     * a later load after an earlier store (a locked instruction on x86, acquire-release on ARMv8); counting them keeps
     * a store-buffering report to what real hardware can do.
     */
    synchronized void barrier() {
        barrier(current());
    }

    private static void barrier(ThreadState t) {
        t.epoch++;
        t.volatileStored = false;
    }

    // ---- memory

    /**
     * Before a store (or read-modify-write) in {@code mode}: what the store publishes, joined into the location's
     * clock before the store can be seen.
     */
    synchronized void beforeStore(Object base, long offset, Mode mode) {
        ThreadState t = current();
        if (mode.releases()) {
            location(base, offset).sync = joined(location(base, offset).sync, t.clock);
        } else if (mode.atomic() && t.releaseFence != null) {
            location(base, offset).sync = joined(location(base, offset).sync, t.releaseFence);
        }
    }

    /**
     * An access in {@code mode}, after a load (acquire bookkeeping follows what the load saw) or before a plain store.
     * A read-modify-write is both; {@code write} is false for a compare-and-set that failed.
     */
    synchronized void access(Object base, long offset, String name, boolean read, boolean write, Mode mode,
                             boolean wide, int site) {
        events++;
        ThreadState t = current();
        Location loc = location(base, offset);
        if (loc.name == null && name != null) {
            loc.name = name;
        }
        Access w = loc.lastWrite;
        // Whether what this load reads was ordered before it by happens-before (before the load's own acquire):
        // only a write that is not may be missed.
        boolean ordered = read && w != null && t.clock.covers(w.thread(), w.time());
        if (read) {
            if (mode.acquires()) {
                t.clock.join(loc.sync);
            } else if (mode.atomic() && loc.sync != null) {
                t.pendingAcquire = joined(t.pendingAcquire, loc.sync);
            }
            if (mode == Mode.VOLATILE && t.volatileStored) {
                barrier(t);                   // a volatile store, then a volatile load: ordered (synchronization order)
            }
        }
        Access a = new Access(t.id, t.name, t.clock.get(t.id), ++seq, site, mode, write, wide, t.epoch);
        if (read) {
            t.recent.load(loc, a, w, ordered);
        }
        if (write) {
            t.recent.store(loc, a);
            t.volatileStored |= mode == Mode.VOLATILE;
        }
        if (w != null && conflicts(w, a, t)) {
            race(loc, w, a);
        }
        if (write) {
            for (Access r : loc.reads) {
                if (conflicts(r, a, t)) {
                    race(loc, r, a);
                }
            }
            loc.reads.clear();
            loc.lastWrite = a;
        } else {
            loc.reads.removeIf(r -> r.thread() == t.id);
            loc.reads.add(a);
        }
        if (mode.atomic()) {
            t.remember(new SyncEvent(loc, mode, write, t.releaseFence != null, site, a.seq()));
        }
        if (write && mode.releases()) {
            t.clock.tick(t.id);
        }
    }

    private static boolean conflicts(Access earlier, Access later, ThreadState t) {
        return earlier.thread() != later.thread() && dataRace(earlier, later)
                && !t.clock.covers(earlier.thread(), earlier.time());
    }

    /** Whether an unordered pair (one a write) is a data race: see the class comment. */
    static boolean dataRace(Access a, Access b) {
        return a.mode().plain() && b.mode().plain()
                || a.mode().plain() && (!a.write() || a.wide())
                || b.mode().plain() && (!b.write() || b.wide());
    }

    private Location location(Object base, long offset) {
        return memory.computeIfAbsent(new Key(base, offset), k -> new Location(base, offset));
    }

    private static VectorClock joined(VectorClock into, VectorClock from) {
        VectorClock c = into == null ? new VectorClock() : into;
        c.join(from);
        return c;
    }

    // ---- races

    private void race(Location loc, Access earlier, Access later) {
        int a = Math.min(earlier.site(), later.site());
        int b = Math.max(earlier.site(), later.site());
        long key = ((long) a << 32) | b;
        if (races.containsKey(key) || races.size() >= MAX_RACES) {
            if (races.containsKey(key)) {
                races.get(key).seen();
            }
            return;
        }
        races.put(key, new Race(loc.describe(), earlier, later, explain(earlier, later)));
    }

    /** The edge that is missing, in words, from the two threads' synchronization histories. */
    private String explain(Access earlier, Access later) {
        ThreadState first = byId(earlier.thread());
        ThreadState second = byId(later.thread());
        String op1 = earlier.write() ? "write" : "read";
        String op2 = later.write() ? "write" : "read";
        if (first == null || second == null) {
            return NOTHING;
        }
        if (earlier.mode().plain() != later.mode().plain()) {
            Access plain = earlier.mode().plain() ? earlier : later;
            Access atomic = earlier.mode().plain() ? later : earlier;
            String p = Sites.get(plain.site()).position();
            if (plain.write() && atomic.mode().acquires()) {
                return "the store at " + p + " is plain: the " + atomic.mode().word(false) + " at "
                        + Sites.get(atomic.site()).position() + " synchronizes with nothing; a release store "
                        + "(setRelease, lazySet, putOrdered) would publish what comes before it";
            }
            if (!plain.write() && atomic.mode().releases()) {
                return "the load at " + p + " is plain: it does not acquire the " + atomic.mode().word(true) + " at "
                        + Sites.get(atomic.site()).position() + " (and may be hoisted or merged); an acquire load "
                        + "(getAcquire) would";
            }
        }
        List<SyncEvent> mine = first.history();
        List<SyncEvent> theirs = second.history();
        // The latest location the second thread loaded from that the first thread stored to after its access.
        // Only the second thread's acquiring loads count: what a reader synchronizes through (an opaque load of a
        // statistics counter explains nothing).
        for (int i = theirs.size() - 1; i >= 0; i--) {
            SyncEvent load = theirs.get(i);
            if (!load.mode().acquires()) {
                continue;
            }
            for (SyncEvent store : mine) {
                if (store.location() != load.location() || !store.write() || store.seq() < earlier.seq()) {
                    continue;
                }
                Site ss = Sites.get(store.site());
                Site ls = Sites.get(load.site());
                String what = load.location().describe();
                if (!store.mode().releases() && !store.fenced()) {
                    return "the " + op1 + " is not published: the " + store.mode().word(true) + " to " + what + " at "
                            + ss.position() + " after it is not a release, so " + second.name + "'s load of " + what
                            + " at " + ls.position() + " does not order it; a release store (setRelease, lazySet, "
                            + "putOrdered) there would";
                }
                if (!load.mode().acquires()) {
                    return second.name + "'s " + load.mode().word(false) + " of " + what + " at " + ls.position()
                            + " does not acquire the release at " + ss.position() + " that follows the " + op1
                            + "; an acquire load (getAcquire) there would order them";
                }
                return second.name + "'s acquire load of " + what + " at " + ls.position() + " read a value from "
                        + "before the release at " + ss.position() + " that follows the " + op1 + " (it ran before "
                        + "the " + op1 + " was published)";
            }
        }
        // A flag the second thread loads, last written by the first after its access, with a store that publishes
        // nothing (plain and opaque stores are not kept in the histories of synchronization events).
        for (int i = theirs.size() - 1; i >= 0; i--) {
            SyncEvent load = theirs.get(i);
            Access w = load.location().lastWrite;
            if (load.mode().acquires() && !load.write() && w != null && w.thread() == earlier.thread() && w.seq() > earlier.seq()
                    && !w.mode().releases()) {
                String what = load.location().describe();
                return "the " + op1 + " is not published: the " + w.mode().word(true) + " to " + what + " at "
                        + Sites.get(w.site()).position() + " after it is not a release, so " + second.name
                        + "'s " + load.mode().word(false) + " of " + what + " at "
                        + Sites.get(load.site()).position() + " does not order it; a release store (setRelease, "
                        + "lazySet, putOrdered) there would";
            }
        }
        // The first thread released only before its access: published too early.
        for (int i = theirs.size() - 1; i >= 0; i--) {
            SyncEvent load = theirs.get(i);
            if (!load.mode().acquires()) {
                continue;
            }
            for (int j = mine.size() - 1; j >= 0; j--) {
                SyncEvent store = mine.get(j);
                if (store.location() == load.location() && store.write() && store.mode().releases()
                        && store.seq() < earlier.seq()) {
                    String what = load.location().describe();
                    return first.name + " published " + what + " (the release at " + Sites.get(store.site()).position()
                            + ") before the " + op1 + ", not after it: " + second.name + " saw that release at "
                            + Sites.get(load.site()).position() + " and went on to its " + op2 + " while the " + op1
                            + " may not have happened; move the " + op1 + " before the release";
                }
            }
        }
        // Last: a flag both sides access with opaque (or plain) modes, which publish nothing.
        for (int i = theirs.size() - 1; i >= 0; i--) {
            SyncEvent load = theirs.get(i);
            Access w = load.location().lastWrite;
            if (!load.write() && w != null && w.thread() == earlier.thread() && w.seq() > earlier.seq()) {
                String what = load.location().describe();
                return "the " + w.mode().word(true) + " to " + what + " at " + Sites.get(w.site()).position()
                        + " after the " + op1 + " and " + second.name + "'s " + load.mode().word(false) + " of it at "
                        + Sites.get(load.site()).position() + " publish nothing; a release store and an acquire load "
                        + "would order the " + op1 + " before the " + op2;
            }
        }
        return NOTHING + ": no release/acquire pair, lock, volatile access or thread start/join orders " + first.name
                + "'s " + op1 + " before " + second.name + "'s " + op2;
    }

    private ThreadState byId(int id) {
        for (ThreadState s : threads.values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }

    synchronized List<Race> races() {
        return List.copyOf(races.values());
    }

    // ---- lost wakeups by store buffering

    /**
     * Before the current thread unparks {@code target}: whether the wake rests on a store-buffering pair that the JMM
     * lets both sides miss (see {@link StoreBuffering}).
     */
    synchronized void unparking(Thread target) {
        ThreadState waker = current();
        ThreadState sleeper = threads.get(target);
        if (sleeper == null || sleeper == waker) {
            return;
        }
        LostWake found = StoreBuffering.find(sleeper.id, sleeper.recent, waker.recent);
        if (found != null && lostWakes.size() < MAX_RACES) {
            lostWakes.merge(found.key(), found, (old, now) -> old.seen());
        }
    }

    synchronized List<LostWake> lostWakes() {
        return List.copyOf(lostWakes.values());
    }

    synchronized long events() {
        return events;
    }

    /** Forgets everything: the next workload starts from a clean slate (sites stay registered). */
    synchronized void reset() {
        threads.clear();
        memory.clear();
        syncObjects.clear();
        races.clear();
        lostWakes.clear();
        seq = 0;
        events = 0;
    }
}
