package io.wakepath.jmm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The runtime of the race detector: what instrumented code calls ({@link Instrumenter} writes the calls), and what a
 * workload calls for the threads and hand-offs of its own harness. Every method is static and public because the
 * instrumented classes call it from their own packages.
 *
 * <p>Memory accesses arrive as a site id (which instruction) and the object they touch; synchronization as the
 * object it goes through. Everything is handed to one {@link Detector}.
 */
public final class Hb {
    // ---- the kinds of access an operation code carries (op = kind << 3 | mode)
    static final int READ = 0;
    static final int WRITE = 1;
    /** A read-modify-write that always writes (getAndAdd, getAndSet). */
    static final int RMW = 2;
    /** A compare-and-set: writes only when it succeeds. */
    static final int CAS = 3;

    private static final Detector DETECTOR = new Detector();
    private static final AtomicReferenceArray<Memory.FieldInfo> FIELD_SITES = new AtomicReferenceArray<>(1 << 20);
    private static final Map<VarHandle, Target> VAR_HANDLES = new ConcurrentHashMap<>();
    private static final Map<Object, Target> UPDATERS = new ConcurrentHashMap<>();
    private static final Map<Object, Object> CONDITION_LOCKS = new ConcurrentHashMap<>();
    private static final Map<Thread, Object> INTERRUPTS = new ConcurrentHashMap<>();

    /** What a VarHandle or field updater reaches: a field (static or not), or array elements. */
    private record Target(Memory.FieldInfo field, boolean array, boolean byteView) {
    }

    private Hb() {
    }

    static int op(int kind, Mode mode) {
        return kind << 3 | mode.ordinal();
    }

    private static int kind(int op) {
        return op >>> 3;
    }

    private static Mode mode(int op) {
        return Mode.values()[op & 7];
    }

    // ---- for workloads

    /** Forgets all clocks, locations and races: a workload starts from nothing. */
    public static void reset() {
        DETECTOR.reset();
    }

    /** The lost wakeups by store buffering found since the last reset. */
    public static List<LostWake> lostWakes() {
        return DETECTOR.lostWakes();
    }

    /** The races found since the last reset. */
    public static List<Race> races() {
        return DETECTOR.races();
    }

    /** Accesses the detector judged since the last reset: how much of the code under test the workload ran. */
    public static long events() {
        return DETECTOR.events();
    }

    /** The harness starts {@code child} (call just before {@code child.start()}). */
    public static void threadStart(Thread child) {
        DETECTOR.threadStart(child);
    }

    /** The harness joined {@code child} (call after {@code join} returned with the child ended). */
    public static void threadJoined(Thread child) {
        if (!child.isAlive()) {
            DETECTOR.threadJoined(child);
        }
    }

    // ---- fields and arrays

    private static Memory.FieldInfo field(int site) {
        Memory.FieldInfo f = FIELD_SITES.get(site);
        if (f == null) {
            Site s = Sites.get(site);
            int dot = s.target().lastIndexOf('.');
            try {
                Class<?> owner = Class.forName(s.target().substring(0, dot), false, s.loader());
                f = Memory.field(owner, s.target().substring(dot + 1));
            } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                f = Memory.FieldInfo.UNPLACED;          // cannot place it: not judged
            }
            FIELD_SITES.set(site, f);
        }
        return f;
    }

    /** A field access's mode: volatile, opaque for the fence idiom's plain accesses, else plain. */
    private static Mode fieldMode(Memory.FieldInfo f, int site) {
        return f.isVolatile() ? Mode.VOLATILE : Sites.get(site).fenced() ? Mode.OPAQUE : Mode.PLAIN;
    }

    /** After a {@code getfield} of {@code object}. */
    public static void getField(Object object, int site) {
        Memory.FieldInfo f = field(site);
        if (object == null) {
            return;
        }
        if (f.named()) {
            Memory.name(Memory.reference(object, f), f.name());
        }
        if (!f.isFinal()) {
            DETECTOR.access(object, f.offset(), f.name(), true, false, fieldMode(f, site),
                    f.wide(), site);
        }
    }

    /** Before a {@code putfield} to {@code object}. */
    public static void putField(Object object, int site) {
        Memory.FieldInfo f = field(site);
        if (!f.isFinal() && object != null) {
            store(object, f.offset(), f.name(), fieldMode(f, site), f.wide(), site);
        }
    }

    /** After a {@code getstatic}. */
    public static void getStatic(int site) {
        Memory.FieldInfo f = field(site);
        if (f.named() && f.staticBase() != null) {
            Memory.name(Memory.reference(f.staticBase(), f), f.name());
        }
        if (!f.isFinal()) {
            DETECTOR.access(f.staticBase(), f.offset(), f.name(), true, false,
                    fieldMode(f, site), f.wide(), site);
        }
    }

    /** Before a {@code putstatic}. */
    public static void putStatic(int site) {
        Memory.FieldInfo f = field(site);
        if (!f.isFinal()) {
            store(f.staticBase(), f.offset(), f.name(), fieldMode(f, site), f.wide(), site);
        }
    }

    /** Before an array load ({@code iaload}, {@code aaload}, ...). */
    public static void arrayLoad(Object array, int index, int site) {
        if (array != null && index >= 0 && index < java.lang.reflect.Array.getLength(array)) {
            DETECTOR.access(array, Memory.elementOffset(array, index), null, true, false, Mode.PLAIN,
                    Memory.wideElements(array), site);
        }
    }

    /** Before an array store. */
    public static void arrayStore(Object array, int index, int site) {
        if (array != null && index >= 0 && index < java.lang.reflect.Array.getLength(array)) {
            DETECTOR.access(array, Memory.elementOffset(array, index), null, false, true, Mode.PLAIN,
                    Memory.wideElements(array), site);
        }
    }

    private static void store(Object base, long offset, String name, Mode mode, boolean wide, int site) {
        DETECTOR.beforeStore(base, offset, mode);
        DETECTOR.access(base, offset, name, false, true, mode, wide, site);
    }

    /**
     * One access of an operation: {@code after} is false for the call made before the operation (it publishes what a
     * store releases, and judges a plain store), true for the one made after it (it judges a load, and takes what an
     * acquire reads). A compare-and-set reports whether it wrote.
     */
    private static void operation(Object base, long offset, String name, boolean wide, int op, int site,
                                  boolean after, boolean success) {
        int kind = kind(op);
        Mode mode = mode(op);
        boolean rmw = kind == RMW || kind == CAS;
        if (rmw && !after) {
            DETECTOR.barrier();
        }
        if (!after) {
            if (kind == WRITE) {
                store(base, offset, name, mode, wide, site);
            } else if (kind != READ) {
                DETECTOR.beforeStore(base, offset, mode);
            }
        } else if (kind == READ) {
            DETECTOR.access(base, offset, name, true, false, mode, wide, site);
        } else if (kind != WRITE) {
            DETECTOR.access(base, offset, name, true, kind == RMW || success, mode, wide, site);
        }
        if (rmw && after) {
            DETECTOR.barrier();
        }
    }

    // ---- VarHandles

    public static VarHandle findVarHandle(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
            throws NoSuchFieldException, IllegalAccessException {
        VarHandle vh = lookup.findVarHandle(owner, name, type);
        VAR_HANDLES.put(vh, new Target(Memory.field(owner, name), false, false));
        return vh;
    }

    public static VarHandle findStaticVarHandle(MethodHandles.Lookup lookup, Class<?> owner, String name,
                                                Class<?> type) throws NoSuchFieldException, IllegalAccessException {
        VarHandle vh = lookup.findStaticVarHandle(owner, name, type);
        VAR_HANDLES.put(vh, new Target(Memory.field(owner, name), false, false));
        return vh;
    }

    public static VarHandle unreflectVarHandle(MethodHandles.Lookup lookup, Field f) throws IllegalAccessException {
        VarHandle vh = lookup.unreflectVarHandle(f);
        VAR_HANDLES.put(vh, new Target(Memory.field(f), false, false));
        return vh;
    }

    public static VarHandle arrayElementVarHandle(Class<?> arrayClass) {
        VarHandle vh = MethodHandles.arrayElementVarHandle(arrayClass);
        VAR_HANDLES.put(vh, new Target(null, true, false));
        return vh;
    }

    public static VarHandle byteArrayViewVarHandle(Class<?> viewClass, ByteOrder order) {
        VarHandle vh = MethodHandles.byteArrayViewVarHandle(viewClass, order);
        VAR_HANDLES.put(vh, new Target(null, true, true));
        return vh;
    }

    /**
     * An access mode method of a VarHandle. {@code coordinate} is the first argument when it is a reference (the
     * object of an instance field, the array), {@code index} the second when it is an int (the array index).
     */
    public static void varHandle(VarHandle vh, Object coordinate, int index, int op, int site, boolean after,
                                 boolean success) {
        Target t = VAR_HANDLES.get(vh);
        if (t == null) {
            return;                                    // made outside the code under test: its location is unknown
        }
        if (t.array()) {
            if (coordinate == null || !coordinate.getClass().isArray()) {
                return;
            }
            long offset = t.byteView() ? Memory.elementOffset(coordinate, 0) + index
                    : Memory.elementOffset(coordinate, index);
            operation(coordinate, offset, null, wide(vh), op, site, after, success);
        } else if (t.field().staticBase() != null) {
            operation(t.field().staticBase(), t.field().offset(), t.field().name(), t.field().wide(), op, site,
                    after, success);
        } else if (coordinate != null) {
            operation(coordinate, t.field().offset(), t.field().name(), t.field().wide(), op, site, after, success);
        }
    }

    private static boolean wide(VarHandle vh) {
        return vh.varType() == long.class || vh.varType() == double.class;
    }

    // ---- Unsafe (sun.misc and jdk.internal.misc), as JCTools and Agrona use it

    public static void unsafe(Object base, long offset, int op, int site, boolean after, boolean success) {
        if (base != null) {
            String method = Sites.get(site).target();
            operation(base, offset, Memory.nameAt(base, offset), method.contains("Long") || method.contains("Double"),
                    op, site, after, success);
        }
    }

    // ---- java.util.concurrent.atomic

    /** An Atomic* object (its value is the location) or an Atomic*Array ({@code index} its element). */
    public static void atomic(Object atomic, int index, int op, int site, boolean after, boolean success) {
        if (atomic != null) {
            String field = Memory.name(atomic);
            operation(atomic, index < 0 ? -1 : index, (field != null ? field + " " : "")
                    + atomic.getClass().getSimpleName() + (index < 0 ? "" : "[" + index + "]"), false, op, site,
                    after, success);
        }
    }

    /** After {@code Atomic*FieldUpdater.newUpdater(owner, ..., name)}: which field the updater reaches. */
    public static void updaterCreated(Object updater, Class<?> owner, String name) {
        if (updater != null) {
            UPDATERS.put(updater, new Target(Memory.field(owner, name), false, false));
        }
    }

    public static void updater(Object updater, Object object, int op, int site, boolean after, boolean success) {
        Target t = updater == null ? null : UPDATERS.get(updater);
        if (t != null && object != null) {
            operation(object, t.field().offset(), t.field().name(), t.field().wide(), op, site, after, success);
        }
    }

    // ---- fences: VarHandle's and Unsafe's

    public static void fence(boolean acquire, boolean release) {
        DETECTOR.fence(acquire, release);
    }

    // ---- monitors, locks, and the other synchronizers

    public static void monitorEnter(Object monitor) {
        if (monitor != null) {
            DETECTOR.acquire(monitor);
            DETECTOR.barrier();
        }
    }

    public static void monitorExit(Object monitor) {
        if (monitor != null) {
            DETECTOR.release(monitor);
        }
    }

    /** After a lock was taken (or a tryLock, an acquire of a permit, a latch's await, succeeded). */
    public static void acquired(Object synchronizer, boolean success) {
        if (synchronizer != null && success) {
            DETECTOR.acquire(synchronizer);
            DETECTOR.barrier();
        }
    }

    /** Before a lock is released (or a permit, a latch count). */
    public static void releasing(Object synchronizer) {
        if (synchronizer != null) {
            DETECTOR.release(synchronizer);
        }
    }

    /** After {@code lock.newCondition()}: a condition's waits release and retake its lock. */
    public static void conditionCreated(Object condition, Object lock) {
        if (condition != null && lock != null) {
            CONDITION_LOCKS.put(condition, lock);
        }
    }

    /** Before {@code condition.await...()}: the lock is released. */
    public static void awaiting(Object condition) {
        releasing(condition == null ? null : CONDITION_LOCKS.get(condition));
    }

    /** After {@code condition.await...()} returned: the lock is held again. */
    public static void awoken(Object condition) {
        acquired(condition == null ? null : CONDITION_LOCKS.get(condition), true);
    }

    // ---- the documented effects of java.util.concurrent collections

    /**
     * Before an insertion into a collection: for a concurrent one, everything before it happens-before what follows a
     * removal or access in another thread (modelled per collection: any insertion before any later access).
     */
    public static void inserting(Object collection) {
        if (concurrent(collection)) {
            DETECTOR.release(collection);
        }
    }

    /** After a removal or access of a concurrent collection. */
    public static void accessed(Object collection) {
        if (concurrent(collection)) {
            DETECTOR.acquire(collection);
        }
    }

    private static boolean concurrent(Object collection) {
        return collection != null && collection.getClass().getName().startsWith("java.util.concurrent.");
    }

    // ---- threads

    /** Before {@code t.start()} in the code under test. */
    public static void starting(Thread t) {
        if (t != null) {
            DETECTOR.threadStart(t);
        }
    }

    /** After {@code t.join(...)} returned. */
    public static void joined(Thread t) {
        if (t != null) {
            threadJoined(t);
        }
    }

    // ---- a workload's own condition

    private static final Map<StackTraceElement, Integer> CONDITION_SITES = new ConcurrentHashMap<>();

    /**
     * A workload's condition was made true (call just before the store): its harness is not instrumented, so the
     * store is declared here, as an opaque one (no happens-before edge: the class under test must supply those), for
     * the store-buffering check, which asks whether a waiter's check of it may miss it while the waker's check of the
     * queue misses the waiter ({@link StoreBuffering}).
     */
    public static void conditionStored(Object condition) {
        DETECTOR.access(condition, 0, "the workload's condition", false, true, Mode.OPAQUE, false, callerSite());
    }

    /** A workload's condition was read (call just after the load): see {@link #conditionStored}. */
    public static void conditionLoaded(Object condition) {
        DETECTOR.access(condition, 0, "the workload's condition", true, false, Mode.OPAQUE, false, callerSite());
    }

    private static int callerSite() {
        StackTraceElement caller = StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst())
                .map(StackWalker.StackFrame::toStackTraceElement).orElseThrow();
        return CONDITION_SITES.computeIfAbsent(caller, c -> Sites.register(c.getClassName(), c.getMethodName(),
                c.getFileName() == null ? c.getClassName() : c.getFileName(), c.getLineNumber(), "condition",
                null, false));
    }

    /** Before {@code LockSupport.unpark(t)}: a wake (no happens-before edge), judged for store buffering. */
    public static void unparking(Thread t) {
        if (t != null) {
            DETECTOR.unparking(t);
        }
    }

    /** Before {@code t.interrupt()}: the interrupt synchronizes-with whoever sees {@code t} interrupted. */
    public static void interrupting(Thread t) {
        if (t != null) {
            DETECTOR.release(INTERRUPTS.computeIfAbsent(t, k -> new Object()));
        }
    }

    /** After {@code t.isInterrupted()} or {@code Thread.interrupted()} returned {@code seen}. */
    public static void interruptSeen(Thread t, boolean seen) {
        Object key = t == null ? null : INTERRUPTS.get(t);
        if (seen && key != null) {
            DETECTOR.acquire(key);
        }
    }
}
