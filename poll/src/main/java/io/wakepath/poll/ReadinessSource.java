package io.wakepath.poll;

/**
 * What a device's {@code .poll} looks at to compute IN ({@link Poll#inMask}): the state its read path uses, and a
 * hint the hardware gives earlier (an interrupt-status bit, an "events pending" flag) that its read path does not use.
 */
public interface ReadinessSource {

    /** Whether a nonblocking read would return data now: the state read uses. */
    boolean readable();

    /** A flag set before the data is readable, which read does not use. */
    boolean pending();
}
