package io.wakepath.stress;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The VMs {@code check} has started and not yet reaped. When the run is interrupted (Ctrl-C, a kill), the shutdown
 * hook ends them and their own children, so that nothing outlives the command even when only it got the signal.
 * Starting and ending are mutually exclusive: a VM is either started before the hook ends them all, or never.
 */
final class Children {
    private static final Set<Process> RUNNING = new HashSet<>();   // guarded by Children.class
    private static boolean closed;                                 // guarded by Children.class

    private Children() {
    }

    /** Starts and tracks a VM; once the run is being interrupted, starts nothing and waits for the VM to halt. */
    static Process start(ProcessBuilder builder) throws IOException {
        synchronized (Children.class) {
            if (!closed) {
                Process p = builder.start();
                RUNNING.add(p);
                return p;
            }
        }
        for (;;) {
            LockSupport.park();                       // the main thread runs on during shutdown hooks: let it wait
        }
    }

    static synchronized void ended(Process p) {
        RUNNING.remove(p);
    }

    /** Ends every VM still running, children first, and lets no new one start. */
    static synchronized void killAll() {
        closed = true;
        for (Process p : RUNNING) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
