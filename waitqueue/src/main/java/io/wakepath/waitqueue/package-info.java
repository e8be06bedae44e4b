/**
 * Kernel-style wait queues, faithful to {@code include/linux/wait.h} and {@code kernel/sched/wait.c}.
 *
 * <p>A {@link io.wakepath.waitqueue.WaitQueue} holds entries: threads sleeping until a condition holds, and wake
 * callbacks (the poll layer's). The condition is checked first and re-checked after every wake, so spurious wakes
 * are harmless. Non-exclusive entries go to the head, exclusive ones to the tail; {@code wakeUp} wakes every
 * non-exclusive entry and one <em>effective</em> exclusive one (an entry whose thread is already running does not
 * count). Strategies differ in how the entry list is protected (monitor, lock, spinlock, lock-free) and how a waiter
 * sleeps (Object.wait, Condition, park, spin); {@link io.wakepath.waitqueue.WaitQueueStrategies} is their registry.
 * The broken ones each demonstrate one lost-wakeup bug class.
 *
 * <p>Memory accesses are named with the vocabulary of {@link io.wakepath.core}.
 */
package io.wakepath.waitqueue;
