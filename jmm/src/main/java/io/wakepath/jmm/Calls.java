package io.wakepath.jmm;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which method calls synchronize or touch memory, and how: the VarHandle access modes and fences, {@code Unsafe}'s
 * accessors (both of them), the {@code java.util.concurrent.atomic} classes and field updaters, monitors' waits,
 * {@code java.util.concurrent.locks}, the other synchronizers, the concurrent collections, and threads. One
 * classification per call instruction, made when a class is instrumented; {@code null} for every other call.
 *
 * @param family what kind of call
 * @param kind   {@link Hb#READ}, {@link Hb#WRITE}, {@link Hb#RMW} or {@link Hb#CAS} for memory operations
 * @param mode   the access mode of a memory operation; for a fence, ACQUIRE, RELEASE or VOLATILE (both)
 */
record Calls(Family family, int kind, Mode mode) {

    enum Family {
        VARHANDLE, UNSAFE, ATOMIC, ATOMIC_ARRAY, UPDATER, FENCE,
        /** Replaced by the {@code Hb} method of the same name taking the receiver first: it records what it made. */
        VARHANDLE_FACTORY, UPDATER_FACTORY, NEW_CONDITION,
        MONITOR_WAIT, LOCK, TRY_LOCK, UNLOCK, AWAIT, SYNC_ACQUIRE, SYNC_RELEASE, SYNC_BOTH,
        COLLECTION_INSERT, COLLECTION_ACCESS, THREAD_START, THREAD_JOIN, INTERRUPT, IS_INTERRUPTED, INTERRUPTED,
        /** {@code LockSupport.unpark}: no happens-before edge, but a wake whose loss {@link StoreBuffering} judges. */
        UNPARK
    }

    private static final String ATOMIC_PKG = "java/util/concurrent/atomic/";
    private static final String LOCKS_PKG = "java/util/concurrent/locks/";
    private static final Pattern UNSAFE_NAME = Pattern.compile(
            "(get|put|compareAndSwap|compareAndSet|weakCompareAndSet|compareAndExchange|getAndAdd|getAndSet"
                    + "|getAndBitwiseOr|getAndBitwiseAnd|getAndBitwiseXor|putOrdered)"
                    + "(Int|Long|Short|Byte|Char|Boolean|Float|Double|Object|Reference)"
                    + "(Volatile|Acquire|Release|Opaque|Plain|Unaligned)?");
    private static final Set<String> COLLECTION_OWNERS = Set.of("java/util/Queue", "java/util/Deque",
            "java/util/Collection", "java/util/AbstractQueue", "java/util/Map", "java/util/List", "java/util/Set",
            "java/lang/Iterable");
    private static final Set<String> INSERTIONS = Set.of("offer", "add", "put", "addFirst", "addLast", "offerFirst",
            "offerLast", "push", "putIfAbsent", "transfer", "tryTransfer", "addAll", "compute", "computeIfAbsent",
            "computeIfPresent", "merge", "replace", "set");
    private static final Set<String> ACCESSES = Set.of("poll", "take", "remove", "peek", "element", "pollFirst",
            "pollLast", "peekFirst", "peekLast", "removeFirst", "removeLast", "pop", "get", "getOrDefault", "contains",
            "containsKey", "isEmpty", "size", "iterator", "drainTo", "getFirst", "getLast", "forEach");

    /** The classification of {@code owner.name desc}, or null when the call neither synchronizes nor accesses memory. */
    static Calls of(int opcode, String owner, String name, String desc) {
        if (owner.equals("java/lang/invoke/VarHandle")) {
            return varHandle(name);
        }
        if (owner.equals("java/lang/invoke/MethodHandles$Lookup") && (name.equals("findVarHandle")
                || name.equals("findStaticVarHandle") || name.equals("unreflectVarHandle"))
                || owner.equals("java/lang/invoke/MethodHandles") && (name.equals("arrayElementVarHandle")
                || name.equals("byteArrayViewVarHandle"))) {
            return new Calls(Family.VARHANDLE_FACTORY, 0, Mode.PLAIN);
        }
        if (owner.equals("sun/misc/Unsafe") || owner.equals("jdk/internal/misc/Unsafe")) {
            return unsafe(name, desc);
        }
        if (owner.startsWith(ATOMIC_PKG)) {
            return atomic(owner.substring(ATOMIC_PKG.length()), name, desc);
        }
        if ((name.equals("wait") && (desc.equals("()V") || desc.equals("(J)V") || desc.equals("(JI)V")))) {
            return new Calls(Family.MONITOR_WAIT, 0, Mode.VOLATILE);
        }
        if (owner.startsWith(LOCKS_PKG)) {
            return lock(owner, name, desc);
        }
        if (owner.equals("java/util/concurrent/CountDownLatch") || owner.equals("java/util/concurrent/Semaphore")
                || owner.equals("java/util/concurrent/CyclicBarrier")) {
            return synchronizer(owner, name);
        }
        if (owner.equals("java/lang/Thread")) {
            return thread(opcode, name, desc);
        }
        if (opcode != org.objectweb.asm.Opcodes.INVOKESTATIC
                && (owner.startsWith("java/util/concurrent/") || COLLECTION_OWNERS.contains(owner))) {
            if (INSERTIONS.contains(name)) {
                return new Calls(Family.COLLECTION_INSERT, 0, Mode.VOLATILE);
            }
            if (ACCESSES.contains(name)) {
                return new Calls(Family.COLLECTION_ACCESS, 0, Mode.VOLATILE);
            }
        }
        return null;
    }

    private static Calls varHandle(String name) {
        switch (name) {
            case "fullFence":
                return new Calls(Family.FENCE, 0, Mode.VOLATILE);
            case "acquireFence", "loadLoadFence":
                return new Calls(Family.FENCE, 0, Mode.ACQUIRE);
            case "releaseFence", "storeStoreFence":
                return new Calls(Family.FENCE, 0, Mode.RELEASE);
            default:
                Calls op = accessMode(name);
                return op == null ? null : new Calls(Family.VARHANDLE, op.kind, op.mode);
        }
    }

    /** The VarHandle access mode names, which the atomic classes share. */
    private static Calls accessMode(String name) {
        return switch (name) {
            case "get", "getPlain" -> new Calls(null, Hb.READ, Mode.PLAIN);
            case "set", "setPlain" -> new Calls(null, Hb.WRITE, Mode.PLAIN);
            case "getOpaque" -> new Calls(null, Hb.READ, Mode.OPAQUE);
            case "setOpaque" -> new Calls(null, Hb.WRITE, Mode.OPAQUE);
            case "getAcquire" -> new Calls(null, Hb.READ, Mode.ACQUIRE);
            case "setRelease", "lazySet" -> new Calls(null, Hb.WRITE, Mode.RELEASE);
            case "getVolatile" -> new Calls(null, Hb.READ, Mode.VOLATILE);
            case "setVolatile" -> new Calls(null, Hb.WRITE, Mode.VOLATILE);
            case "compareAndSet", "weakCompareAndSet", "weakCompareAndSetVolatile" -> new Calls(null, Hb.CAS,
                    Mode.VOLATILE);
            case "weakCompareAndSetPlain" -> new Calls(null, Hb.CAS, Mode.PLAIN);
            case "weakCompareAndSetAcquire" -> new Calls(null, Hb.CAS, Mode.ACQUIRE);
            case "weakCompareAndSetRelease" -> new Calls(null, Hb.CAS, Mode.RELEASE);
            case "compareAndExchangeAcquire", "getAndSetAcquire", "getAndAddAcquire", "getAndBitwiseOrAcquire",
                 "getAndBitwiseAndAcquire", "getAndBitwiseXorAcquire" -> new Calls(null, Hb.RMW, Mode.ACQUIRE);
            case "compareAndExchangeRelease", "getAndSetRelease", "getAndAddRelease", "getAndBitwiseOrRelease",
                 "getAndBitwiseAndRelease", "getAndBitwiseXorRelease" -> new Calls(null, Hb.RMW, Mode.RELEASE);
            case "compareAndExchange", "getAndSet", "getAndAdd", "getAndBitwiseOr", "getAndBitwiseAnd",
                 "getAndBitwiseXor", "getAndIncrement", "getAndDecrement", "incrementAndGet", "decrementAndGet",
                 "addAndGet", "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet" ->
                    new Calls(null, Hb.RMW, Mode.VOLATILE);
            default -> null;
        };
    }

    private static Calls unsafe(String name, String desc) {
        switch (name) {
            case "fullFence":
                return new Calls(Family.FENCE, 0, Mode.VOLATILE);
            case "loadFence", "loadLoadFence":
                return new Calls(Family.FENCE, 0, Mode.ACQUIRE);
            case "storeFence", "storeStoreFence":
                return new Calls(Family.FENCE, 0, Mode.RELEASE);
            default:
                break;
        }
        Matcher m = UNSAFE_NAME.matcher(name);
        if (!m.matches() || !desc.startsWith("(Ljava/lang/Object;J")) {
            return null;                               // off-heap addresses, allocation, offsets: no heap location
        }
        String op = m.group(1);
        String suffix = m.group(3) == null || m.group(3).equals("Unaligned") ? "" : m.group(3);
        Mode mode = switch (suffix) {
            case "Opaque" -> Mode.OPAQUE;
            case "Acquire" -> Mode.ACQUIRE;
            case "Release" -> Mode.RELEASE;
            case "Plain" -> Mode.PLAIN;
            case "Volatile" -> Mode.VOLATILE;
            default -> op.equals("get") || op.equals("put") ? Mode.PLAIN
                    : op.equals("putOrdered") ? Mode.RELEASE : Mode.VOLATILE;
        };
        int kind = switch (op) {
            case "get" -> Hb.READ;
            case "put", "putOrdered" -> Hb.WRITE;
            case "compareAndSwap", "compareAndSet", "weakCompareAndSet" -> Hb.CAS;
            default -> Hb.RMW;
        };
        return new Calls(Family.UNSAFE, kind, mode);
    }

    private static Calls atomic(String type, String name, String desc) {
        if (type.endsWith("FieldUpdater")) {
            if (name.equals("newUpdater")) {
                return new Calls(Family.UPDATER_FACTORY, 0, Mode.PLAIN);
            }
            Calls op = accessMode(name);
            return op == null || !desc.startsWith("(Ljava/lang/Object;") ? null
                    : new Calls(Family.UPDATER, op.kind, op.mode);
        }
        if (type.equals("AtomicInteger") || type.equals("AtomicLong") || type.equals("AtomicBoolean")
                || type.equals("AtomicReference")) {
            Calls op = switch (name) {
                case "intValue", "longValue", "floatValue", "doubleValue" -> new Calls(null, Hb.READ, Mode.VOLATILE);
                case "get" -> new Calls(null, Hb.READ, Mode.VOLATILE);
                case "set" -> new Calls(null, Hb.WRITE, Mode.VOLATILE);
                default -> accessMode(name);
            };
            return op == null ? null : new Calls(Family.ATOMIC, op.kind, op.mode);
        }
        if (type.equals("AtomicIntegerArray") || type.equals("AtomicLongArray")
                || type.equals("AtomicReferenceArray")) {
            Calls op = switch (name) {
                case "get" -> new Calls(null, Hb.READ, Mode.VOLATILE);
                case "set" -> new Calls(null, Hb.WRITE, Mode.VOLATILE);
                default -> accessMode(name);
            };
            return op == null || !desc.startsWith("(I") ? null : new Calls(Family.ATOMIC_ARRAY, op.kind, op.mode);
        }
        return null;
    }

    private static Calls lock(String owner, String name, String desc) {
        boolean condition = owner.endsWith("Condition") || owner.endsWith("$ConditionObject");
        if (condition) {
            return name.startsWith("await") ? new Calls(Family.AWAIT, 0, Mode.VOLATILE) : null;
        }
        if (owner.equals(LOCKS_PKG + "LockSupport")) {          // park/unpark: no happens-before edge in the JMM
            return name.equals("unpark") && desc.equals("(Ljava/lang/Thread;)V")
                    ? new Calls(Family.UNPARK, 0, Mode.PLAIN) : null;
        }
        return switch (name) {
            case "lock", "lockInterruptibly" -> new Calls(Family.LOCK, 0, Mode.ACQUIRE);
            case "tryLock" -> desc.endsWith(")Z") ? new Calls(Family.TRY_LOCK, 0, Mode.ACQUIRE) : null;
            case "unlock" -> new Calls(Family.UNLOCK, 0, Mode.RELEASE);
            case "newCondition" -> new Calls(Family.NEW_CONDITION, 0, Mode.PLAIN);
            default -> null;
        };
    }

    private static Calls synchronizer(String owner, String name) {
        if (owner.endsWith("CyclicBarrier")) {
            return name.equals("await") ? new Calls(Family.SYNC_BOTH, 0, Mode.VOLATILE) : null;
        }
        return switch (name) {
            case "countDown", "release" -> new Calls(Family.SYNC_RELEASE, 0, Mode.RELEASE);
            case "await", "acquire", "acquireUninterruptibly", "tryAcquire" ->
                    new Calls(Family.SYNC_ACQUIRE, 0, Mode.ACQUIRE);
            default -> null;
        };
    }

    private static Calls thread(int opcode, String name, String desc) {
        return switch (name) {
            case "start" -> desc.equals("()V") ? new Calls(Family.THREAD_START, 0, Mode.RELEASE) : null;
            case "join" -> new Calls(Family.THREAD_JOIN, 0, Mode.ACQUIRE);
            case "interrupt" -> new Calls(Family.INTERRUPT, 0, Mode.RELEASE);
            case "isInterrupted" -> new Calls(Family.IS_INTERRUPTED, 0, Mode.ACQUIRE);
            case "interrupted" -> opcode == org.objectweb.asm.Opcodes.INVOKESTATIC
                    ? new Calls(Family.INTERRUPTED, 0, Mode.ACQUIRE) : null;
            default -> null;
        };
    }
}
