package io.wakepath.poll;

import io.wakepath.stress.harness.Sleepers;
import io.wakepath.stress.harness.Workload;
import io.wakepath.waitqueue.KernelStyleWaitQueue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The race detector's workloads for a poll engine: poll(2) and epoll (level-triggered, edge-triggered, ONESHOT re-armed
 * by modify, EXCLUSIVE on two instances) over a {@link TestPollable}, a device thread pushing events while readers
 * wait with timeouts and read, and control operations (add, modify, delete) racing deliveries. Every wait has a
 * timeout, so an engine that loses a wake still finishes here.
 */
public final class PollJmmWorkloads {
    private static final int EVENTS = 24;
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private PollJmmWorkloads() {
    }

    public static Map<String, Runnable> of(PollStrategy strategy) {
        Map<String, Runnable> workloads = new LinkedHashMap<>();
        workloads.put("poll", () -> pollReader(strategy));
        workloads.put("epoll-lt", () -> epollReaders(strategy, 0, 1));
        workloads.put("epoll-et", () -> epollReaders(strategy, PollEvents.EPOLLET, 1));
        workloads.put("epoll-exclusive", () -> epollReaders(strategy, PollEvents.EPOLLEXCLUSIVE, 2));
        workloads.put("epoll-oneshot-control", () -> oneshotAndControl(strategy));
        return workloads;
    }

    private static TestPollable device(Poll poll) {
        return new TestPollable(poll, new KernelStyleWaitQueue());
    }

    /**
     * The device thread: pushes EVENTS events, each once the readers sleep (so that every push wakes a sleeper, the
     * handshake whose store buffering the detector judges), then flags the end.
     */
    private static void pushing(TestPollable device, AtomicBoolean done, Sleepers readers) {
        for (int i = 0; i < EVENTS; i++) {
            readers.awaitAsleep();
            device.push(i);
            if (i % 3 == 0) {
                device.wakeWithoutEvent();
            }
            LockSupport.parkNanos(50_000);
        }
        done.set(true);
    }

    private static void drain(TestPollable device) {
        long[] buf = new long[4];
        while (device.read(buf) > 0) {
            // until EAGAIN
        }
    }

    private static void pollReader(PollStrategy strategy) {
        Poll poll = strategy.create();
        TestPollable device = device(poll);
        AtomicBoolean done = new AtomicBoolean();
        Sleepers readers = new Sleepers();
        Workload w = new Workload(strategy.id());
        w.thread("device", () -> pushing(device, done, readers));
        w.thread("reader", () -> {
            readers.enter();
            PollFd[] fds = {new PollFd(device, PollEvents.POLLIN)};
            while (!done.get()) {
                if (poll.poll(fds, WAIT_NANOS) > 0) {
                    fds[0].revents();
                    drain(device);
                }
            }
        });
        w.run();
    }

    private static void epollReaders(PollStrategy strategy, int flags, int readers) {
        Poll poll = strategy.create();
        TestPollable device = device(poll);
        AtomicBoolean done = new AtomicBoolean();
        Sleepers sleepers = new Sleepers();
        Workload w = new Workload(strategy.id());
        w.thread("device", () -> pushing(device, done, sleepers));
        for (int r = 0; r < readers; r++) {
            Epoll epoll = poll.epollCreate();
            epoll.add(device, PollEvents.POLLIN | flags, r);
            w.thread("reader-" + r, () -> {
                sleepers.enter();
                EpollEvent[] events = {new EpollEvent()};
                while (!done.get()) {
                    if (epoll.wait(events, 1, WAIT_NANOS) > 0) {
                        events[0].events();
                        events[0].data();
                        drain(device);
                    }
                }
            });
        }
        w.run();
    }

    /** A ONESHOT item re-armed by modify after each delivery, while another thread adds, modifies and deletes. */
    private static void oneshotAndControl(PollStrategy strategy) {
        Poll poll = strategy.create();
        TestPollable device = device(poll);
        TestPollable other = device(poll);
        Epoll epoll = poll.epollCreate();
        epoll.add(device, PollEvents.POLLIN | PollEvents.EPOLLONESHOT, 1);
        AtomicBoolean done = new AtomicBoolean();
        Sleepers readers = new Sleepers();
        Workload w = new Workload(strategy.id());
        w.thread("device", () -> {
            pushing(device, done, readers);
            other.setWritable(true);
            other.setError();
            other.hangUp();
        });
        w.thread("reader", () -> {
            readers.enter();
            EpollEvent[] events = {new EpollEvent(), new EpollEvent()};
            while (!done.get()) {
                int n = epoll.wait(events, 2, WAIT_NANOS);
                for (int i = 0; i < n; i++) {
                    if (events[i].data() == 1) {
                        drain(device);
                        epoll.modify(device, PollEvents.POLLIN | PollEvents.EPOLLONESHOT, 1);
                    }
                }
            }
        });
        w.thread("control", () -> {
            for (int i = 0; i < EVENTS / 2 && !done.get(); i++) {
                epoll.add(other, PollEvents.POLLIN | PollEvents.POLLOUT, 2);
                epoll.modify(other, PollEvents.POLLIN, 2);
                epoll.delete(other);
                LockSupport.parkNanos(100_000);
            }
        });
        w.run();
    }
}
