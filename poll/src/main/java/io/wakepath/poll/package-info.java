/**
 * Readiness: the poll table and the {@code .poll(table)} contract, a poll(2)-like multi-wait and an epoll-like
 * instance (level- and edge-triggered, ONESHOT, EXCLUSIVE), faithful to {@code fs/select.c} and
 * {@code fs/eventpoll.c}. (Filled by the poll issue.)
 */
package io.wakepath.poll;
