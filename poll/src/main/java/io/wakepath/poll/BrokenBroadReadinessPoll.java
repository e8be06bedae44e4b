package io.wakepath.poll;

/**
 * BROKEN on purpose. Bug class: <b>readiness broader than read</b> ({@code .poll} reports IN from state that the
 * read path does not use).
 *
 * <p>IN is computed from the device's "events pending" flag, which the hardware raises before the data reaches the
 * buffer that read drains:
 * <pre>
 *   device / IRQ handler           reader (the only one)
 *   pending = true;
 *                                  poll()  -> IN          (from pending)
 *                                  read()  -> EAGAIN      (buffer still empty)
 *   buffer.add(data);
 * </pre>
 * An event loop that trusts IN spins or reports a spurious EAGAIN. A {@code .poll} must report IN exactly when read
 * returns data.
 *
 * @see LockedReadyListPoll the correct sibling: IN from the state read uses
 */
public final class BrokenBroadReadinessPoll extends LockedReadyListPoll {

    @Override
    public int inMask(ReadinessSource source) {
        return source.pending() || source.readable() ? PollEvents.IN : 0;   // BROKEN: read does not use pending
    }
}
