package com.example.wakepath;

import com.lmax.disruptor.TimeoutBlockingWaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * The Disruptor's {@code TimeoutBlockingWaitStrategy} behind the same adapter as {@link DisruptorWaitQueue}: its
 * waits also end after 10 ms without a signal ({@code TimeoutException}), which the adapter takes as a spurious wake.
 * A control: clean.
 */
public class DisruptorTimeoutWaitQueue extends DisruptorWaitQueue {
    public DisruptorTimeoutWaitQueue() {
        super(new TimeoutBlockingWaitStrategy(10, TimeUnit.MILLISECONDS));
    }
}
