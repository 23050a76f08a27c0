package io.jawait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The loop's I/O half: the NIO {@link Selector}, the channels' reader and writer registrations,
 * and the poll step of an iteration, on real or virtual time.
 */
final class LoopSelector {
    private final Selector selector;
    private final LoopClock clock;
    private final ExecutorBridge executors;

    LoopSelector(LoopClock clock, ExecutorBridge executors) {
        this.clock = clock;
        this.executors = executors;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
    }

    /** The registration of {@code channel}, made (and the channel made non-blocking) if needed. */
    IoRegistration register(SelectableChannel channel) {
        IoRegistration r = existing(channel);
        if (r == null) {
            r = new IoRegistration(channel);
            try {
                channel.configureBlocking(false);
                r.key = channel.register(selector, 0, r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    /** The live registration of {@code channel}, or {@code null}. */
    IoRegistration existing(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key == null || !key.isValid() ? null : (IoRegistration) key.attachment();
    }

    /**
     * Whether some open channel is watched; a virtual clock jumps only when none is. Computed from
     * the keys rather than counted, so a channel closed while still watched is not counted forever.
     */
    boolean hasIoInterest() {
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.interestOps() != 0) {
                return true;
            }
        }
        return false;
    }

    void wakeup() {
        selector.wakeup();
    }

    void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the loop is closing.
        }
    }

    /**
     * Waits for I/O up to {@code timeoutNanos} (-1: forever, 0: just look) and queues the ready
     * channels' callbacks. On virtual time with no I/O or executor work outstanding, time jumps
     * by the timeout instead of waiting; {@code inboxEmpty} tells whether outcomes posted from
     * other threads are waiting, which must run before time moves.
     */
    void poll(long timeoutNanos, ReadyQueue ready, BooleanSupplier inboxEmpty) {
        if (timeoutNanos == 0 && selector.keys().isEmpty()) {
            // A loop with no channel registered has nothing to look at: the system call was most
            // of the cost of a busy loop turn. A wake-up it would have consumed only makes a
            // later blocking select return once, early, which the loop tolerates.
            return;
        }
        try {
            if (timeoutNanos == 0) {
                selector.selectNow();
            } else if (clock.isVirtual() && !hasIoInterest() && !executors.hasWorkInFlight()) {
                if (timeoutNanos > 0) {
                    selector.selectNow();
                    if (inboxEmpty.getAsBoolean()) {
                        clock.advance(timeoutNanos);
                    }
                } else {
                    selector.select();
                }
            } else if (clock.isVirtual() && timeoutNanos > 0) {
                // Outstanding real work: give it a grace period of real time before jumping, and
                // never jump over an outcome that was just posted (a wake-up also returns 0).
                if (selector.select(LoopClock.VIRTUAL_GRACE_MILLIS) == 0 && !executors.hasWorkInFlight()
                        && inboxEmpty.getAsBoolean()) {
                    clock.advance(timeoutNanos);
                }
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClosedSelectorException e) {
            throw new IllegalStateException("Event loop is closed", e);
        }
        Set<SelectionKey> keys = selector.selectedKeys();
        for (SelectionKey key : keys) {
            ((IoRegistration) key.attachment()).fire(key, ready);
        }
        keys.clear();
    }
}
