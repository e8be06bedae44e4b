package io.wakepath.irq.diagnose;

import io.wakepath.irq.EventPattern;
import io.wakepath.irq.IrqLine;
import io.wakepath.irq.driver.DriverStrategies;
import io.wakepath.irq.driver.DriverStrategy;
import io.wakepath.poll.PollStrategies;
import io.wakepath.poll.PollStrategy;
import io.wakepath.ring.Framing;
import io.wakepath.ring.OverflowPolicy;
import io.wakepath.ring.ReaderMode;
import io.wakepath.ring.RingConfig;
import io.wakepath.ring.RingStrategies;
import io.wakepath.ring.RingStrategy;
import io.wakepath.waitqueue.WaitQueueStrategies;
import io.wakepath.waitqueue.WaitQueueStrategy;

/**
 * One chain run: which strategy at every link, how readers read, what the hardware receives and for how long.
 * Data only: made by a {@link Builder} (the defaults: each registry's default strategy, one blocking reader, Poisson
 * arrivals at 10k/s for 2 s, ...), or from {@code wakepath diagnose} options by {@link ScenarioOptions}, which checks
 * every combination so that a bad one is a one-line usage error before anything runs.
 *
 * @param ring        ring strategy
 * @param ringConfig  capacity and overflow policy (frames, shared readers)
 * @param waitQueue   wait-queue strategy
 * @param poll        poll strategy
 * @param driver      driver variant
 * @param read        how readers wait
 * @param readers     reader threads
 * @param exclusive   exclusive waits (blocking reads) or EPOLLEXCLUSIVE (epoll)
 * @param virtualThreads readers on virtual threads
 * @param pattern     the hardware's arrival schedule
 * @param durationMillis how long the source raises samples
 * @param seed        seeds the schedule (a run can be replayed)
 * @param trigger     level or edge line
 * @param fifoDepth   hardware FIFO depth
 * @param neighbours  other devices sharing the line
 * @param stallMillis data readable while every reader waits longer than this is a lost wakeup
 * @param batch       samples per read call
 * @param closedLoop  0 for the open-loop pattern; else the hardware raises this many samples, then waits until the
 *                    FIFO and the ring are empty before the next round (bounded by twice the stall threshold): a lost
 *                    wakeup is then never healed by a later sample, and the race between a reader going back to sleep
 *                    and the next wake is run once per round
 * @param signals     interrupts (signals) per second sent to random readers, which restart the interrupted call
 *                    (SA_RESTART); 0 for none. With a closed loop each signal is sent just after a round is raised,
 *                    so that it races the wake the round causes
 * @param timeouts    how long each wait (blocking read, poll, epoll_wait) waits before it gives up and looks again
 */
public record Scenario(RingStrategy ring, RingConfig ringConfig, WaitQueueStrategy waitQueue, PollStrategy poll,
                       DriverStrategy driver, ReadMode read, int readers, boolean exclusive, boolean virtualThreads,
                       EventPattern pattern, long durationMillis, long seed, IrqLine.Trigger trigger, int fifoDepth,
                       int neighbours, long stallMillis, int batch, int closedLoop,
                       double signals, WaitTimeouts timeouts) {

    /** The default scenario, to change. */
    public static Builder builder() {
        return new Builder();
    }

    /** This scenario, to change. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ring = ring;
        b.ringConfig = ringConfig;
        b.waitQueue = waitQueue;
        b.poll = poll;
        b.driver = driver;
        b.read = read;
        b.readers = readers;
        b.exclusive = exclusive;
        b.virtualThreads = virtualThreads;
        b.pattern = pattern;
        b.durationMillis = durationMillis;
        b.seed = seed;
        b.trigger = trigger;
        b.fifoDepth = fifoDepth;
        b.neighbours = neighbours;
        b.stallMillis = stallMillis;
        b.batch = batch;
        b.closedLoop = closedLoop;
        b.signals = signals;
        b.timeouts = timeouts;
        return b;
    }

    /** A scenario under construction, from the defaults. */
    public static final class Builder {
        private RingStrategy ring = RingStrategies.REGISTRY.byDefault();
        private RingConfig ringConfig = new RingConfig(1024, OverflowPolicy.REPORT_OVERFLOW, Framing.FRAME,
                ReaderMode.SHARED);
        private WaitQueueStrategy waitQueue = WaitQueueStrategies.REGISTRY.byDefault();
        private PollStrategy poll = PollStrategies.REGISTRY.byDefault();
        private DriverStrategy driver = DriverStrategies.REGISTRY.byDefault();
        private ReadMode read = ReadMode.BLOCKING;
        private int readers = 1;
        private boolean exclusive;
        private boolean virtualThreads;
        private EventPattern pattern = EventPattern.poisson(10_000);
        private long durationMillis = 2_000;
        private long seed = 1;
        private IrqLine.Trigger trigger = IrqLine.Trigger.LEVEL;
        private int fifoDepth = 256;
        private int neighbours = 1;
        private long stallMillis = 200;
        private int batch = 64;
        private int closedLoop;
        private double signals;
        private WaitTimeouts timeouts = WaitTimeouts.NONE;

        private Builder() {
        }

        public Builder ring(RingStrategy v) {
            ring = v;
            return this;
        }

        public Builder ringConfig(RingConfig v) {
            ringConfig = v;
            return this;
        }

        public Builder waitQueue(WaitQueueStrategy v) {
            waitQueue = v;
            return this;
        }

        public Builder poll(PollStrategy v) {
            poll = v;
            return this;
        }

        public Builder driver(DriverStrategy v) {
            driver = v;
            return this;
        }

        public Builder read(ReadMode v) {
            read = v;
            return this;
        }

        public Builder readers(int v) {
            readers = v;
            return this;
        }

        public Builder exclusive(boolean v) {
            exclusive = v;
            return this;
        }

        public Builder virtualThreads(boolean v) {
            virtualThreads = v;
            return this;
        }

        public Builder pattern(EventPattern v) {
            pattern = v;
            return this;
        }

        public Builder durationMillis(long v) {
            durationMillis = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder trigger(IrqLine.Trigger v) {
            trigger = v;
            return this;
        }

        public Builder fifoDepth(int v) {
            fifoDepth = v;
            return this;
        }

        public Builder neighbours(int v) {
            neighbours = v;
            return this;
        }

        public Builder stallMillis(long v) {
            stallMillis = v;
            return this;
        }

        public Builder batch(int v) {
            batch = v;
            return this;
        }

        public Builder closedLoop(int v) {
            closedLoop = v;
            return this;
        }

        public Builder signals(double v) {
            signals = v;
            return this;
        }

        public Builder timeouts(WaitTimeouts v) {
            timeouts = v;
            return this;
        }

        public Scenario build() {
            return new Scenario(ring, ringConfig, waitQueue, poll, driver, read, readers, exclusive, virtualThreads,
                    pattern, durationMillis, seed, trigger, fifoDepth, neighbours, stallMillis, batch, closedLoop,
                    signals, timeouts);
        }
    }
}
