package io.wakepath.waitqueue;

/**
 * The list under the queue's monitor, waiters in {@link Object#wait}, wakers {@code notifyAll} after taking their
 * entries. The textbook Java idiom: simple, but every wake wakes every waiter of the monitor, which re-checks its own
 * entry and goes back to sleep unless it was taken (a thundering herd with many exclusive waiters). Before JDK 24 a
 * virtual thread in {@code Object.wait} pins its carrier.
 */
public final class MonitorWaitQueue extends AbstractWaitQueue {
    private final Object monitor = new Object();
    private final EntryList entries = new EntryList();

    @Override
    protected void enqueue(WaitEntry entry) {
        synchronized (monitor) {
            entries.add(entry);
        }
    }

    @Override
    protected void dequeue(WaitEntry entry) {
        synchronized (monitor) {
            entries.remove(entry);
        }
    }

    @Override
    protected int wakeCommon(int nrExclusive, int key) {
        synchronized (monitor) {
            int woken = entries.wake(nrExclusive, key, this);
            if (woken > 0) {
                monitor.notifyAll();
            }
            return woken;
        }
    }

    @Override
    protected boolean active() {
        return entries.nonEmpty();
    }

    @Override
    protected void unblock(WaitEntry entry) {
        // wakeCommon notifies every waiter once the walk is done; each re-checks its own entry
    }

    @Override
    protected boolean sleep(WaitEntry entry, boolean timed, long deadline, boolean interruptible) {
        boolean swallowed = false;
        synchronized (monitor) {
            while (entry.waiting()) {
                long left = timed ? deadline - System.nanoTime() : 0;
                if (timed && left <= 0) {
                    break;
                }
                try {
                    if (timed) {
                        monitor.wait(left / 1_000_000, (int) (left % 1_000_000));
                    } else {
                        monitor.wait();
                    }
                } catch (InterruptedException e) {
                    if (interruptible) {
                        Thread.currentThread().interrupt();   // the caller's loop returns ERESTARTSYS
                        break;
                    }
                    swallowed = true;
                }
            }
        }
        return swallowed;
    }
}
