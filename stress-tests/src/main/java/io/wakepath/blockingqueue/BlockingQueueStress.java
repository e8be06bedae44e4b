package io.wakepath.blockingqueue;

import io.wakepath.core.CommandLine;
import io.wakepath.core.KernelThread;
import io.wakepath.core.StallClock;
import io.wakepath.ring.QueueRing;
import io.wakepath.stress.harness.ChainCase;
import io.wakepath.stress.harness.Failures;
import io.wakepath.stress.layers.Bindings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The many-thread stress of a {@link BlockingQueue}, what the chain stress is to the other layers: the queue is the
 * buffer and the wait, so readers block in the queue itself ({@code take()}, or {@code poll(timeout)}) while the IRQ
 * side {@code offer}s (never blocking: a full queue is a counted drop) or, in the writer-side case, {@code put}s and
 * {@code offer(timeout)}s into a full queue. Closed loop: the next elements are offered the moment the last ones were
 * taken, so the race between takers going back to sleep and the next offer runs once per round, and a lost wakeup is
 * never healed by a later element.
 *
 * <p>The oracles:
 * <ul>
 *   <li>a watchdog: elements in the queue (offered, not taken) while every taker has been asleep for longer than
 *       {@link #STALL_NANOS} is a lost wakeup (a "late wake" when they block in timed polls, which their deadline would
 *       heal later); a writer asleep in {@code put} with room in the queue for as long is a lost wakeup of the
 *       writer side. Only the class's own behaviour may make one: the stall is the time the watchdog observed
 *       ({@link StallClock}: samples more than {@link StallClock#MAX_SAMPLE_GAP_NANOS} apart leave the time between
 *       them uncounted), nothing taken or accepted meanwhile, and every thread that could still end it must be
 *       asleep to the JVM <em>and</em> to the kernel ({@link KernelThread}: a woken thread the scheduler keeps off the
 *       CPU still reports {@code WAITING}), the IRQ side included whenever it is inside a call of the queue
 *       (preempted there, it may hold the lock a woken taker waits for);</li>
 *   <li>the elements: each carries plain fields written before {@code offer} ({@link QueueRing.Element}); a taker
 *       that sees one without them, one twice, or one never offered, is a failure;</li>
 *   <li>conservation: every element accepted is taken once or still in the queue at the end, interrupts or not
 *       ({@code InterruptedException} loses nothing);</li>
 *   <li>teardown by interrupt: every taker leaves its {@code take()} when interrupted, within 2 s.</li>
 * </ul>
 *
 * <p>Runs in a child VM, as the chain stress does: {@code BlockingQueueStress blocking-queue
 * class:blocking-queue:NAME MILLIS OUT_DIR}; prints
 * {@code CHAIN <case> OK|FAILED|ERROR [what it saw]} per case and writes each case's report to
 * {@code OUT_DIR/chain-<case>.txt}.
 */
public final class BlockingQueueStress {
    /** Lost-wakeup threshold: as the chain stress's (a woken taker reaches the queue far sooner). */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long TEARDOWN_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_ELEMENTS = 1 << 22;
    /** How long the IRQ side spins for a round to be taken before it parks. */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    static final CommandLine CASE = new CommandLine("blocking-queue case", "one case of the blocking-queue stress")
            .option("--readers", "N", "takers")
            .flag("--virtual", "takers on virtual threads")
            .option("--read", "HOW", "take (default) or poll-timed (poll with a deadline of 200 ms to 1 s)")
            .flag("--interrupts", "interrupt takers at random while they wait")
            .flag("--put", "the writer side: put and offer(timeout) into a queue kept full");

    private BlockingQueueStress() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 || !args[0].equals(BlockingQueueBinding.INSTANCE.layer().id())) {
            throw new IllegalArgumentException("usage: BlockingQueueStress blocking-queue class:blocking-queue:NAME "
                    + "MILLIS OUT_DIR");
        }
        BlockingQueueStrategy strategy = (BlockingQueueStrategy) Bindings.resolve(
                BlockingQueueBinding.INSTANCE.layer(), args[1]);
        long millis = Long.parseLong(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        for (ChainCase c : BlockingQueueBinding.INSTANCE.chainCases(strategy)) {
            String line;
            try {
                Run run = new Run(strategy, c, millis);
                run.go();
                Path report = out.resolve("chain-" + c.name() + ".txt");
                Files.writeString(report, run.report());
                line = "CHAIN " + c.name() + (!run.failures.isEmpty() ? " FAILED " + run.failures.get(0)
                        + (run.failures.size() > 1 ? " (and " + (run.failures.size() - 1) + " more)" : "")
                        + "; report: " + report
                        : run.unsupported != null ? " INCONCLUSIVE " + run.unsupported : " OK");
            } catch (RuntimeException | Error e) {
                line = "CHAIN " + c.name() + " ERROR the run failed: " + Failures.reason(e);
            }
            System.out.println(line);
            System.out.flush();
        }
        Runtime.getRuntime().halt(0);                 // a taker that never left must not keep the VM
    }

    /** One case: the queue, its takers, the IRQ side, the watchdog, and what they saw. */
    static final class Run {
        final BlockingQueue<Object> queue;
        final int capacity;
        final boolean bounded;
        final int readers;
        final boolean virtual;
        final boolean timed;
        final boolean interrupts;
        final boolean put;
        final boolean singleConsumer;
        final long millis;
        final AtomicIntegerArray takenCount = new AtomicIntegerArray(MAX_ELEMENTS);
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong taken = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong interrupted = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> details = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Thread> takers = new ArrayList<>();
        /** Each taker as the watchdog judges it, set by the taker when it starts. */
        final AtomicReferenceArray<KernelThread> takersKernel;
        volatile boolean stop;
        volatile Thread writer;
        /** The IRQ side, set when it starts, and whether it is inside a call of the queue now. */
        volatile KernelThread irqKernel;
        volatile boolean irqInQueue;
        /** Why the case could not be run through (an optional method the queue does not support), or null. */
        volatile String unsupported;
        long offered;
        long rounds;

        Run(BlockingQueueStrategy strategy, ChainCase c, long millis) {
            CommandLine.Parsed o = CASE.parse(c.options().toArray(String[]::new));
            this.readers = o.integer("--readers", 1, 1, 10_000);
            this.virtual = o.has("--virtual");
            this.timed = o.value("--read").orElse("take").equals("poll-timed");
            this.interrupts = o.has("--interrupts");
            this.put = o.has("--put");
            this.singleConsumer = !strategy.topology().multiConsumer();
            this.millis = millis;
            this.capacity = put ? strategy.capacity().minCapacity() : strategy.capacity().atLeast(64);
            this.bounded = strategy.capacity().bounded();
            this.queue = strategy.create(capacity);
            this.takersKernel = new AtomicReferenceArray<>(readers);
        }

        void go() {
            Thread.UncaughtExceptionHandler threw = (t, e) -> failures.add(t.getName() + " threw "
                    + Failures.reason(e) + " (a call of the queue failed)");
            for (int i = 0; i < readers; i++) {
                int index = i;
                Runnable body = () -> take(index);
                takers.add(virtual ? Thread.ofVirtual().name("taker-" + i).uncaughtExceptionHandler(threw)
                        .unstarted(body) : Thread.ofPlatform().name("taker-" + i).daemon()
                        .uncaughtExceptionHandler(threw).unstarted(body));
            }
            takers.forEach(Thread::start);
            Thread irq = Thread.ofPlatform().name("irq").daemon().uncaughtExceptionHandler(threw)
                    .start(put ? this::putFull : this::offerRounds);
            writer = put ? irq : null;
            Thread interrupter = interrupts ? Thread.ofPlatform().name("interrupter").daemon()
                    .start(this::interruptAtRandom) : null;
            watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
            stop = true;
            join(irq, "the IRQ side");
            if (interrupter != null) {
                join(interrupter, "the interrupter");
            }
            teardown();
            account();
        }

        /** The IRQ side, closed loop: offers a round of 1 to {@code readers} elements, waits until they are taken. */
        private void offerRounds() {
            irqKernel = KernelThread.current();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop && offered + readers < MAX_ELEMENTS) {
                int n = 1 + random.nextInt(Math.min(readers, capacity));
                for (int i = 0; i < n; i++) {
                    irqInQueue = true;
                    boolean in = queue.offer(QueueRing.Element.of(offered++));
                    irqInQueue = false;
                    if (in) {
                        accepted.incrementAndGet();
                    } else {
                        dropped.incrementAndGet();
                    }
                }
                rounds++;
                // The moment the round is taken, the next one: spin first (a parked producer would offer only when
                // every taker is long asleep), then a jitter of a few hundred nanoseconds, so that offers land all
                // along the takers' way back to sleep -- between a taker's look and its wait, where a lost wakeup is.
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                while (!stop && taken.get() < accepted.get()) {
                    if (System.nanoTime() - spinUntil < 0) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.parkNanos(20_000);
                    }
                }
                for (int jitter = random.nextInt(64); jitter > 0; jitter--) {
                    Thread.onSpinWait();
                }
            }
        }

        /** The writer side: a queue kept full, each element put (or offered with a 1 s deadline) as room appears. */
        private void putFull() {
            irqKernel = KernelThread.current();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            try {
                while (!stop && offered < MAX_ELEMENTS) {
                    Object e = QueueRing.Element.of(offered++);
                    irqInQueue = true;
                    boolean in;
                    if (random.nextBoolean()) {
                        queue.put(e);
                        in = true;
                    } else {
                        in = queue.offer(e, 1, TimeUnit.SECONDS);
                    }
                    irqInQueue = false;
                    if (in) {
                        accepted.incrementAndGet();
                    } else {
                        dropped.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                irqInQueue = false;
                offered--;                                    // the element in hand was never accepted
            } catch (UnsupportedOperationException e) {
                irqInQueue = false;
                offered--;
                dropped.incrementAndGet();
                unsupported = "the queue does not support a blocking writer (put or offer(timeout) on a full queue "
                        + "threw UnsupportedOperationException): the writer side was not checked";
                stop = true;
            }
        }

        /** A taker: takes (or polls with a deadline) until told to stop; an interrupt before then is survived. */
        private void take(int index) {
            takersKernel.set(index, KernelThread.current());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop) {
                try {
                    Object e = timed ? queue.poll(200 + random.nextInt(800), TimeUnit.MILLISECONDS) : queue.take();
                    if (e == null) {
                        timedOut.incrementAndGet();
                        continue;
                    }
                    check(e, "a taker");
                    taken.incrementAndGet();
                } catch (InterruptedException e) {
                    if (!stop) {
                        interrupted.incrementAndGet();            // survived: the next call goes on
                    }
                }
            }
        }

        private void check(Object e, String who) {
            long value = e instanceof QueueRing.Element element ? element.read() : QueueRing.TORN;
            if (value == QueueRing.TORN) {
                failures.add("torn element: " + who + " took an element without the fields written before its "
                        + "offer (the queue's offer does not happen-before its take)");
            } else if (value < 0 || value >= MAX_ELEMENTS) {
                failures.add("invented element: " + who + " took " + value + ", never offered");
            } else if (takenCount.getAndIncrement((int) value) != 0) {
                failures.add("duplicate element: " + who + " took element " + value + " a second time");
            }
        }

        private void interruptAtRandom() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (!stop) {
                takers.get(random.nextInt(takers.size())).interrupt();
                LockSupport.parkNanos(100_000 + random.nextInt(900_000));
            }
        }

        /** The watchdog, until the deadline or the first failure: checks every millisecond. */
        private void watch(long deadline) {
            StallClock readers = new StallClock(System.nanoTime());
            StallClock writerSide = new StallClock(System.nanoTime());
            long progressSince = -1;
            while (System.nanoTime() - deadline < 0 && failures.isEmpty() && unsupported == null) {
                LockSupport.parkNanos(1_000_000);
                long now = System.nanoTime();
                // An episode ends when an element is taken or accepted (a fast closed loop's next round is a new
                // episode) or at a sample where a thread is awake; a gap in the samples is only not counted.
                long progress = progress();
                if (progress != progressSince) {
                    readers.reset();
                    writerSide.reset();
                    progressSince = progress;
                }
                long inQueue = accepted.get() - taken.get();
                Thread w = writer;
                boolean writerInPut = w != null && bounded && inQueue < capacity && irqInQueue;
                // Asked only when a stall could be there: it reads every taker's state, and the kernel's of some.
                boolean quiet = (inQueue > 0 || writerInPut) && quiescent();
                if (inQueue > 0 && quiet) {
                    long readersStalled = readers.holds(now);
                    if (readersStalled > (singleConsumer ? 2 * STALL_NANOS : STALL_NANOS)
                            && stillStuck(progressSince)
                            && !lostWakeup(readersStalled, inQueue)) {
                        readers.reset();             // nothing there: taken meanwhile, or lost (see account)
                    }
                } else {
                    readers.breaks(now);
                }
                if (writerInPut && quiet) {
                    long writerStalled = writerSide.holds(now);
                    if (writerStalled > STALL_NANOS && stillStuck(progressSince)) {
                        failures.add(String.format("lost wakeup of the writer: put blocked %.0f ms with room for %d "
                                        + "(capacity %d, %d in the queue)", writerStalled / 1e6,
                                capacity - inQueue, capacity, inQueue));
                        details.add("writer " + stack(w));
                    }
                } else {
                    writerSide.breaks(now);
                }
            }
        }

        /** Elements taken plus accepted: any change is progress. */
        private long progress() {
            return taken.get() + accepted.get();
        }

        /** Whether nothing moved during the stall: no element taken or accepted, every thread still asleep. */
        private boolean stillStuck(long progressSince) {
            return progress() == progressSince && quiescent();
        }

        /**
         * Whether no thread of the run can end a stall by itself: every taker asleep (to the JVM and to the kernel),
         * and the IRQ side asleep or outside the queue.
         */
        private boolean quiescent() {
            for (int i = 0; i < readers; i++) {             // the JVM's view of all first: no file read
                KernelThread t = takersKernel.get(i);
                if (t == null || !t.waiting()) {
                    return false;
                }
            }
            for (int i = 0; i < readers; i++) {
                if (takersKernel.get(i).runnable()) {
                    return false;
                }
            }
            KernelThread irq = irqKernel;
            return !irqInQueue || irq != null && irq.asleep();
        }

        /**
         * After a stall: the watchdog takes an element itself. One it gets was readable while every taker slept (a
         * lost wakeup; it is counted as taken). None means a taker got there after all, or the elements are gone:
         * conservation decides that at the end, when nothing moves any more. A single-consumer queue must not be
         * polled by a second thread: there the watchdog asks {@code isEmpty()} (callable from any thread) after twice
         * the stall, and leaves the element where it is.
         *
         * @return whether it was a lost wakeup
         */
        private boolean lostWakeup(long nanos, long inQueue) {
            List<String> stacks = new ArrayList<>();
            for (Thread t : takers.subList(0, Math.min(4, takers.size()))) {
                stacks.add(t.getName() + " " + stack(t));
            }
            if (singleConsumer) {
                if (queue.isEmpty()) {
                    return false;
                }
            } else {
                Object e = queue.poll();
                if (e == null) {
                    return false;
                }
                check(e, "the watchdog");
                taken.incrementAndGet();
            }
            failures.add(String.format("%s: %d element%s readable for %.0f ms while all %d takers were blocked in %s",
                    timed ? "late wake" : "lost wakeup", inQueue, inQueue == 1 ? "" : "s", nanos / 1e6, readers,
                    timed ? "poll(timeout) (their deadlines would have healed it later)" : "take()"));
            details.addAll(stacks);
            return true;
        }

        private void join(Thread t, String who) {
            try {
                t.join(TimeUnit.NANOSECONDS.toMillis(TEARDOWN_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                t.interrupt();                              // a writer blocked in put on a full queue
                try {
                    t.join(TimeUnit.NANOSECONDS.toMillis(TEARDOWN_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (t.isAlive()) {
                failures.add("hung: " + who + " did not end when interrupted");
                details.add(who + " " + stack(t));
            }
        }

        /** Teardown by interrupt: every taker must leave its wait, within 2 s. */
        private void teardown() {
            long deadline = System.nanoTime() + TEARDOWN_NANOS;
            List<Thread> alive = new ArrayList<>(takers);
            while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
                alive.forEach(Thread::interrupt);
                alive.removeIf(t -> !t.isAlive());
                LockSupport.parkNanos(1_000_000);
            }
            if (!alive.isEmpty()) {
                failures.add("hung: " + alive.size() + " of " + readers + " takers did not leave "
                        + (timed ? "poll(timeout)" : "take()") + " when interrupted, 2 s after the end");
                details.add(alive.get(0).getName() + " " + stack(alive.get(0)));
            }
        }

        /** Conservation: every accepted element taken once or still there. */
        private void account() {
            long left = 0;
            for (Object e; left <= capacity + 1 && (e = queue.poll()) != null; left++) {
                check(e, "the final drain");
            }
            long lost = accepted.get() - taken.get() - left;
            if (lost > 0) {
                failures.add("lost element" + (lost == 1 ? "" : "s") + ": " + lost + " accepted but neither taken "
                        + "nor left in the queue" + (interrupts ? " (" + interrupted.get() + " takes were interrupted: "
                        + "an InterruptedException took an element with it)" : ""));
            } else if (lost < 0) {
                failures.add("duplicate elements: " + (-lost) + " more taken than accepted");
            }
        }

        String report() {
            StringBuilder r = new StringBuilder();
            r.append(String.format("%d takers (%s, %s)%s%s, capacity %d%s, %d ms%n", readers,
                    virtual ? "virtual" : "platform", timed ? "poll(timeout)" : "take()",
                    interrupts ? ", interrupted at random" : "", put ? ", writer puts into a full queue" : "",
                    capacity, bounded ? "" : " (unbounded)", millis));
            r.append(String.format("offered %d, accepted %d, dropped (full) %d, taken %d, rounds %d, interrupted "
                            + "takes %d, timed-out polls %d%n", offered, accepted.get(), dropped.get(), taken.get(),
                    rounds, interrupted.get(), timedOut.get()));
            if (failures.isEmpty()) {
                r.append("OK: no lost wakeup, element, duplicate or torn element; every taker left on interrupt\n");
            }
            failures.forEach(f -> r.append("FAILED: ").append(f).append('\n'));
            details.forEach(d -> r.append(d).append('\n'));
            return r.toString();
        }

        private static String stack(Thread t) {
            StringBuilder s = new StringBuilder("(").append(t.getState()).append(')');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                s.append("\n    at ").append(frames[i]);
            }
            return s.toString();
        }
    }
}
