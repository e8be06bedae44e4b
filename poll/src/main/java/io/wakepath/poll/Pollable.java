package io.wakepath.poll;

/**
 * Something with readiness: a device's open file, as {@code file_operations.poll} sees it.
 *
 * <h2>The contract of {@code .poll(table)}</h2>
 * <ol>
 *   <li>Call {@link PollTable#wait} for <em>every</em> wait queue that can change this pollable's readiness, before
 *       reading any state (a queue left out is a readiness change nobody hears about).</li>
 *   <li>Then return the current mask: {@link PollEvents#IN} exactly when a read would return data (with one reader),
 *       {@link PollEvents#OUT} when a write would not block, {@link PollEvents#POLLERR},
 *       {@link PollEvents#POLLHUP} (never together with OUT), {@link PollEvents#POLLPRI}.</li>
 *   <li>Never block, never consume anything: it may be called from a wake callback's caller at any time.</li>
 * </ol>
 * A state change that can make the pollable ready must be followed by a wake on the queue, carrying the new events
 * as key ({@code wake_up_poll}).
 */
public interface Pollable {

    int poll(PollTable table);
}
