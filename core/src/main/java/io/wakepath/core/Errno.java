package io.wakepath.core;

/**
 * The Linux error numbers the model returns, as the kernel does: a system-call-like method returns {@code -EAGAIN}
 * and friends as results, not exceptions (exceptions are for programming errors such as a null argument).
 */
public final class Errno {
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EEXIST = 17;
    public static final int EINVAL = 22;
    public static final int EOVERFLOW = 75;

    private Errno() {
    }

    /** {@code -11} -> {@code "-EAGAIN"}; other values as numbers. */
    public static String name(long result) {
        return switch ((int) -result) {
            case ENOENT -> "-ENOENT";
            case EINTR -> "-EINTR";
            case EAGAIN -> "-EAGAIN";
            case EEXIST -> "-EEXIST";
            case EINVAL -> "-EINVAL";
            case EOVERFLOW -> "-EOVERFLOW";
            default -> Long.toString(result);
        };
    }
}
