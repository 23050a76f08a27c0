package io.jawait;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The loop's work: the ready queue, the timers and the thread-safe inbox, and one iteration over
 * them (asyncio's {@code _run_once}).
 *
 * <p>An iteration moves the inbox to the ready queue, polls for I/O (without blocking when
 * something is ready or the loop is stopping, else at most until the next timer), moves the
 * inbox again and the due timers, then runs exactly the entries ready at that point: callbacks
 * they schedule run in the next iteration, so a callback is never run inline by its scheduler.
 */
final class LoopQueues {
    /** Handles, done Futures (whose callbacks are due) and Tasks to step. */
    private final ReadyQueue ready = new ReadyQueue();
    final TimerQueue timers = new TimerQueue();
    private final ConcurrentLinkedQueue<EventLoop.Handle> inbox = new ConcurrentLinkedQueue<>();
    private final BooleanSupplier inboxEmpty = inbox::isEmpty;

    /** Appends to the ready queue (loop thread only). */
    void schedule(Object item) {
        ready.add(item);
    }

    /** Appends to the inbox (any thread); the caller wakes the selector. */
    void post(EventLoop.Handle h) {
        inbox.add(h);
    }

    void runOnce(boolean stopping, LoopClock clock, LoopSelector selector, LoopDiagnostics diagnostics) {
        drainInbox();
        long timeout;
        if (!ready.isEmpty() || stopping) {
            timeout = 0;
        } else {
            long next = timers.nextDeadlineNanos();
            timeout = next == Long.MAX_VALUE ? -1 : Math.max(0, next - clock.nanos());
        }
        selector.poll(timeout, ready, inboxEmpty);
        drainInbox();
        if (!timers.isEmpty()) { // reading the clock is a good part of a busy turn without timers
            timers.moveDue(clock.nanos(), ready);
        }
        for (int n = ready.size(); n > 0; n--) {
            Object item = ready.poll();
            if (item == null) {
                break;
            }
            diagnostics.run(item);
        }
    }

    private void drainInbox() {
        for (EventLoop.Handle h; (h = inbox.poll()) != null; ) {
            ready.add(h);
        }
    }

    void clear() {
        ready.clear();
        timers.clear();
        inbox.clear();
    }

    @Override
    public String toString() {
        return "ready=" + ready.size() + ", timers=" + timers.size();
    }
}
