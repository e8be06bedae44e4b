package io.wakepath.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thread as a watchdog must judge it: asleep only when both the JVM and the kernel say so.
 *
 * <p>HotSpot writes a platform thread's Java state from that thread, on its way into and out of a wait. A thread that
 * was unparked or notified but has not had a CPU since still reports {@code WAITING}, for as long as the scheduler
 * keeps it off (up to 12 ms seen on this project's 2-CPU machine with four busy threads; far longer under a CI load).
 * The kernel's task state changes at the wake: {@code R}, runnable, from that moment. A watchdog that reads only the
 * Java state calls a scheduling delay a lost wakeup -- an accusation the class did not earn.
 *
 * <p>The kernel's view comes from {@code /proc/thread-self}, read by the thread itself ({@link #current()}), then
 * {@code /proc/self/task/TID/stat}. Where there is no such file (not Linux) or no kernel thread of its own (a virtual
 * thread, whose Java state {@code unpark} changes at once), only the Java state is read, as {@link #kernelKnown()}
 * says.
 */
public final class KernelThread {
    private final Thread thread;
    private final Path stat;              // null: the kernel's view is not available

    private KernelThread(Thread thread, Path stat) {
        this.thread = thread;
        this.stat = stat;
    }

    /**
     * A thread seen from outside before it could name its kernel task: judged by its Java state alone until it calls
     * {@link #current()}.
     */
    public static KernelThread javaStateOf(Thread thread) {
        return new KernelThread(thread, null);
    }

    /** The calling thread, with its kernel task where there is one. */
    public static KernelThread current() {
        Thread self = Thread.currentThread();
        if (self.isVirtual()) {
            return new KernelThread(self, null);
        }
        try {
            Path task = Files.readSymbolicLink(Path.of("/proc/thread-self"));     // "PID/task/TID"
            return new KernelThread(self, Path.of("/proc").resolve(task).resolve("stat"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return new KernelThread(self, null);
        }
    }

    public Thread thread() {
        return thread;
    }

    /** Whether the kernel's state of this thread is read (Linux, a platform thread). */
    public boolean kernelKnown() {
        return stat != null;
    }

    /**
     * Whether the thread is asleep in a wait: {@code WAITING} or {@code TIMED_WAITING} to the JVM, and not runnable to
     * the kernel (a woken thread waiting for a CPU is on its way, however long the scheduler makes it wait).
     */
    public boolean asleep() {
        return waiting() && !runnable();
    }

    /**
     * The JVM's view alone: {@code WAITING} or {@code TIMED_WAITING}. Cheap; a watchdog of many threads asks it of
     * all of them before it reads the kernel's state of any ({@link #runnable()} reads a file).
     */
    public boolean waiting() {
        Thread.State s = thread.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    /**
     * Whether the kernel has the thread runnable: running, or woken and queued for a CPU. False where the kernel's
     * state is not known, and after the thread has ended.
     */
    public boolean runnable() {
        if (stat == null || !thread.isAlive()) {
            return false;                         // an ended thread's task may linger a moment, and its TID be reused
        }
        try {
            String s = Files.readString(stat);
            int name = s.lastIndexOf(')');        // "TID (NAME) STATE ...": the name may hold spaces and ')'
            return name > 0 && name + 2 < s.length() && s.charAt(name + 2) == 'R';
        } catch (IOException e) {
            return false;                         // the thread has ended
        }
    }
}
