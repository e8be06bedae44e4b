package io.wakepath.jmm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where memory is: the (base, offset) pair that names a field or an array element the same way whether the code
 * reaches it by a field instruction, a {@code VarHandle} or {@code Unsafe}, as HotSpot's {@code Unsafe} lays them
 * out. Resolution loads classes, so it runs outside the detector's lock; results are cached.
 */
final class Memory {
    /**
     * A field as the detector needs it.
     *
     * @param wide  a long or double (plain accesses not atomic)
     * @param named of an array or {@code java.util.concurrent.atomic} type: the objects loaded from it are named
     *              after it (an element or an atomic's value is a location of its own)
     */
    record FieldInfo(String name, boolean isVolatile, boolean isFinal, Object staticBase, long offset, boolean wide,
                     boolean named) {
        /** A field that could not be placed: never judged. */
        static final FieldInfo UNPLACED = new FieldInfo("?", false, true, null, 0, false, false);
    }

    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static final Map<Field, FieldInfo> FIELDS = new ConcurrentHashMap<>();
    private static final Map<Field, Long> SYNTHETIC = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_SYNTHETIC = new AtomicLong(-1);
    private static final Map<Class<?>, Map<Long, String>> NAMES_BY_OFFSET = new ConcurrentHashMap<>();
    /** Arrays and atomics by the field they were loaded from (by identity: neither overrides equals). */
    private static final Map<Object, String> NAMES = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<>());

    private Memory() {
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The field {@code name} as seen from {@code owner} (declared there, or inherited). */
    static FieldInfo field(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return field(f);
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                for (Field f : i.getDeclaredFields()) {
                    if (f.getName().equals(name)) {
                        return field(f);
                    }
                }
            }
        }
        throw new IllegalStateException("no field " + name + " in " + owner.getName());
    }

    @SuppressWarnings("deprecation")
    static FieldInfo field(Field f) {
        return FIELDS.computeIfAbsent(f, field -> {
            int m = field.getModifiers();
            boolean isStatic = Modifier.isStatic(m);
            Object base = null;
            long offset;
            try {
                base = isStatic ? UNSAFE.staticFieldBase(field) : null;
                offset = isStatic ? UNSAFE.staticFieldOffset(field) : UNSAFE.objectFieldOffset(field);
            } catch (UnsupportedOperationException recordOrHidden) {
                base = isStatic ? field.getDeclaringClass() : null;
                offset = SYNTHETIC.computeIfAbsent(field, k -> NEXT_SYNTHETIC.getAndDecrement());
            }
            Class<?> type = field.getType();
            return new FieldInfo(field.getDeclaringClass().getSimpleName() + "." + field.getName(),
                    Modifier.isVolatile(m), Modifier.isFinal(m), base, offset,
                    type == long.class || type == double.class,
                    type.isArray() || type.getPackageName().equals("java.util.concurrent.atomic"));
        });
    }

    /** The array or atomic a field of {@code base} refers to (after the code under test loaded it). */
    @SuppressWarnings("deprecation")
    static Object reference(Object base, FieldInfo field) {
        return field.offset() < 0 ? null : UNSAFE.getObject(base, field.offset());   // synthetic: not in memory
    }

    static void name(Object arrayOrAtomic, String field) {
        if (arrayOrAtomic != null) {
            NAMES.putIfAbsent(arrayOrAtomic, field);
        }
    }

    /** The field an array or atomic was loaded from, or null. */
    static String name(Object arrayOrAtomic) {
        return NAMES.get(arrayOrAtomic);
    }

    static boolean wideElements(Object array) {
        return array instanceof long[] || array instanceof double[];
    }

    @SuppressWarnings("deprecation")
    static long elementOffset(Object array, long index) {
        Class<?> type = array.getClass();
        return UNSAFE.arrayBaseOffset(type) + index * UNSAFE.arrayIndexScale(type);
    }

    /** {@code long[8] element 3}, from an offset into the array. */
    @SuppressWarnings("deprecation")
    static String element(Object array, long offset) {
        Class<?> type = array.getClass();
        long index = (offset - UNSAFE.arrayBaseOffset(type)) / UNSAFE.arrayIndexScale(type);
        String field = name(array);
        return (field != null ? field + " " : "") + type.getComponentType().getSimpleName() + "["
                + java.lang.reflect.Array.getLength(array) + "] element " + index;
    }

    /** The name of the field of {@code object} at {@code offset} (for accesses through Unsafe), or null. */
    static String nameAt(Object object, long offset) {
        if (object == null || object.getClass().isArray() || object instanceof Class<?>) {
            return null;                                // statics through Unsafe: named by their offset only
        }
        Map<Long, String> names = NAMES_BY_OFFSET.computeIfAbsent(object.getClass(), type -> {
            Map<Long, String> m = new ConcurrentHashMap<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        try {
                            m.putIfAbsent(field(f).offset(), field(f).name());
                        } catch (RuntimeException ignored) {
                            // a field Unsafe cannot place: not reachable through Unsafe either
                        }
                    }
                }
            }
            return m;
        });
        return names.get(offset);
    }
}
