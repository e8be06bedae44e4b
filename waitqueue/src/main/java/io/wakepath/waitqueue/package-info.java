/**
 * Kernel-style wait queues, faithful to {@code include/linux/wait.h} and {@code kernel/sched/wait.c}:
 * {@code wait_event} and its interruptible, timeout and exclusive forms, {@code wake_up}, {@code wake_up_all},
 * {@code wake_up_nr}, keyed wakes with per-entry callbacks, and the fenced has-sleeper check. Strategies differ in
 * locking and memory ordering; the broken ones demonstrate lost wakeups. (Filled by the wait-queue issue.)
 */
package io.wakepath.waitqueue;
