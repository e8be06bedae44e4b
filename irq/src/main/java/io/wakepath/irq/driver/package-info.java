/**
 * The char-device driver that composes the chain: any ring x wait queue x poll strategy behind a device file with
 * blocking and nonblocking read, poll/epoll and hang-up, and its IRQ side (hard or threaded handler). Driver variants
 * differ only in their IRQ side (and one in the user-space reader that comes with it); correct ones and broken ones,
 * each broken one demonstrating one bug class, are listed in {@link io.wakepath.irq.driver.DriverStrategies}.
 */
package io.wakepath.irq.driver;
