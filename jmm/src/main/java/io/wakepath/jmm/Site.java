package io.wakepath.jmm;

/**
 * One instrumented instruction: where it is in the source, and what it accesses. Registered by the instrumenter
 * when a class is loaded; the instruction passes the site's id to the runtime.
 *
 * @param id       index in {@link Sites}
 * @param owner    the class (binary name) whose method holds the instruction
 * @param method   the method's name
 * @param file     the source file, or the class's simple name when the class has no source attribute
 * @param line     the source line, or 0
 * @param target   what is accessed: {@code Owner.field} for a field, the element type for arrays, the method for a
 *                 call ({@code VarHandle.getAcquire}, {@code Unsafe.putOrderedLong}, ...)
 * @param loader   the loader of {@code owner}, to resolve the field a field access names
 * @param fenced   a plain field access of the fence idiom ({@link FenceIdiom}): judged as an opaque one
 */
public record Site(int id, String owner, String method, String file, int line, String target, ClassLoader loader,
                   boolean fenced) {

    /** {@code Ring.java:42} */
    String position() {
        return file + ":" + line;
    }

    /** {@code Ring.java:42 (SpscRing.offer)} */
    String where() {
        return position() + " (" + owner.substring(owner.lastIndexOf('.') + 1) + "." + method + ")";
    }
}
