package io.wakepath.jmm.programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small programs with known answers for the race detector: each is a writer and a reader (or two writers). Message
 * passing publishes {@code data} through {@code flag} in one mode; the detector must report a race on {@code data}
 * exactly when the mode does not order the write before the read. These classes are instrumented (the tests run with
 * the agent); the test harness that runs them is not.
 */
public final class Programs {
    private Programs() {
    }

    /** A program: the writer's part and the reader's part; the reader runs after the writer (untracked hand-off). */
    public interface Program {
        void writer();

        void reader();
    }

    public static final class PlainFlag implements Program {
        int data;
        int flag;

        public void writer() {
            data = 42;
            flag = 1;
        }

        public void reader() {
            if (flag == 1) {
                consume(data);
            }
        }
    }

    public static final class OpaqueFlag implements Program {
        static final VarHandle FLAG = handle(OpaqueFlag.class, "flag");
        int data;
        int flag;

        public void writer() {
            data = 42;
            FLAG.setOpaque(this, 1);
        }

        public void reader() {
            if ((int) FLAG.getOpaque(this) == 1) {
                consume(data);
            }
        }
    }

    public static final class ReleaseAcquireFlag implements Program {
        static final VarHandle FLAG = handle(ReleaseAcquireFlag.class, "flag");
        int data;
        int flag;

        public void writer() {
            data = 42;
            FLAG.setRelease(this, 1);
        }

        public void reader() {
            if ((int) FLAG.getAcquire(this) == 1) {
                consume(data);
            }
        }
    }

    public static final class VolatileFlag implements Program {
        int data;
        volatile int flag;

        public void writer() {
            data = 42;
            flag = 1;
        }

        public void reader() {
            if (flag == 1) {
                consume(data);
            }
        }
    }

    public static final class SynchronizedHandOff implements Program {
        private final Object lock = new Object();
        int data;

        public void writer() {
            synchronized (lock) {
                data = 42;
            }
        }

        public void reader() {
            synchronized (lock) {
                consume(data);
            }
        }
    }

    public static final class SynchronizedMethods implements Program {
        int data;

        public synchronized void writer() {
            data = 42;
        }

        public synchronized void reader() {
            consume(data);
        }
    }

    public static final class LazySetFlag implements Program {
        final AtomicInteger flag = new AtomicInteger();
        int data;

        public void writer() {
            data = 42;
            flag.lazySet(1);
        }

        public void reader() {
            if (flag.get() == 1) {
                consume(data);
            }
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    public static final class UnsafePutOrdered implements Program {
        static final sun.misc.Unsafe U = unsafe();
        static final long FLAG = offset(UnsafePutOrdered.class, "flag");
        int data;
        int flag;

        public void writer() {
            data = 42;
            U.putOrderedInt(this, FLAG, 1);
        }

        public void reader() {
            if (U.getIntVolatile(this, FLAG) == 1) {
                consume(data);
            }
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    public static final class UnsafePlainFlag implements Program {
        static final sun.misc.Unsafe U = unsafe();
        static final long FLAG = offset(UnsafePlainFlag.class, "flag");
        int data;
        int flag;

        public void writer() {
            data = 42;
            U.putInt(this, FLAG, 1);
        }

        public void reader() {
            if (U.getIntVolatile(this, FLAG) == 1) {
                consume(data);
            }
        }
    }

    /** Fences with opaque accesses: release fence before the flag store, acquire fence after the flag load. */
    public static final class FencedFlag implements Program {
        static final VarHandle FLAG = handle(FencedFlag.class, "flag");
        int data;
        int flag;

        public void writer() {
            data = 42;
            VarHandle.releaseFence();
            FLAG.setOpaque(this, 1);
        }

        public void reader() {
            if ((int) FLAG.getOpaque(this) == 1) {
                VarHandle.acquireFence();
                consume(data);
            }
        }
    }

    /** The same without the reader's acquire fence: the opaque load alone does not synchronize. */
    public static final class HalfFencedFlag implements Program {
        static final VarHandle FLAG = handle(HalfFencedFlag.class, "flag");
        int data;
        int flag;

        public void writer() {
            data = 42;
            VarHandle.releaseFence();
            FLAG.setOpaque(this, 1);
        }

        public void reader() {
            if ((int) FLAG.getOpaque(this) == 1) {
                consume(data);
            }
        }
    }

    /** The fence idiom with plain field accesses (the Disruptor's Sequence): fence, store; load, fence. */
    public static final class FenceIdiomFlag implements Program {
        int data;
        long flag;

        public void writer() {
            data = 42;
            VarHandle.releaseFence();
            flag = 1;
        }

        public void reader() {
            long f = flag;
            VarHandle.acquireFence();
            if (f == 1) {
                consume(data);
            }
        }
    }

    /** The fence on the wrong side of the store: it publishes nothing the store carries. */
    public static final class FenceAfterStore implements Program {
        int data;
        long flag;

        public void writer() {
            data = 42;
            flag = 1;
            VarHandle.releaseFence();
        }

        public void reader() {
            long f = flag;
            VarHandle.acquireFence();
            if (f == 1) {
                consume(data);
            }
        }
    }

    /** A message handed over through a ConcurrentLinkedQueue: insertion happens-before removal. */
    public static final class QueueHandOff implements Program {
        final ConcurrentLinkedQueue<Message> queue = new ConcurrentLinkedQueue<>();

        public void writer() {
            Message m = new Message();
            m.data = 42;
            queue.offer(m);
        }

        public void reader() {
            Message m = queue.poll();
            if (m != null) {
                consume(m.data);
            }
        }
    }

    public static final class Message {
        int data;
    }

    /** A thread started and joined inside the code under test: start and join order everything. */
    public static final class StartJoin implements Program {
        int data;

        public void writer() {
            data = 1;
            Thread child = new Thread(() -> data++);
            child.start();
            try {
                child.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            consume(data);
        }

        public void reader() {
        }
    }

    /** A statistics counter updated with opaque accesses from two threads: lost updates, but no data race. */
    public static final class OpaqueCounter implements Program {
        static final VarHandle COUNT = handle(OpaqueCounter.class, "count");
        long count;

        public void writer() {
            COUNT.setOpaque(this, (long) COUNT.getOpaque(this) + 1);
        }

        public void reader() {
            COUNT.setOpaque(this, (long) COUNT.getOpaque(this) + 1);
        }
    }

    /** The same counter with plain accesses: a data race. */
    public static final class PlainCounter implements Program {
        long count;

        public void writer() {
            count++;
        }

        public void reader() {
            count++;
        }
    }

    /** A slot published by a release of the index (a one-slot ring): ordered. */
    public static final class ReleasedSlot implements Program {
        static final VarHandle TAIL = handle(ReleasedSlot.class, "tail");
        final long[] slots = new long[4];
        long tail;

        public void writer() {
            slots[0] = 42;
            TAIL.setRelease(this, 1L);
        }

        public void reader() {
            if ((long) TAIL.getAcquire(this) == 1L) {
                consume((int) slots[0]);
            }
        }
    }

    /** The index published before the slot is written (EarlyPublishRing's bug): the slot write races. */
    public static final class EarlySlot implements Program {
        static final VarHandle TAIL = handle(EarlySlot.class, "tail");
        final long[] slots = new long[4];
        long tail;

        public void writer() {
            TAIL.setRelease(this, 1L);
            slots[0] = 42;
        }

        public void reader() {
            if ((long) TAIL.getAcquire(this) == 1L) {
                consume((int) slots[0]);
            }
        }
    }

    private static volatile int sink;

    static void consume(int value) {
        sink = value;
    }

    static VarHandle handle(Class<?> owner, String name) {
        try {
            return MethodHandles.lookup().findVarHandle(owner, name,
                    owner.getDeclaredField(name).getType());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("removal")
    static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings({"removal", "deprecation"})
    static long offset(Class<?> owner, String name) {
        try {
            return unsafe().objectFieldOffset(owner.getDeclaredField(name));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
