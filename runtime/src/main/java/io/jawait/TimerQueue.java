package io.jawait;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The loop's timers: a heap ordered by deadline, then by scheduling order. Cancelled timers are
 * removed lazily, and the heap is rebuilt when they become the majority (as asyncio does).
 */
final class TimerQueue {
    private final PriorityQueue<EventLoop.TimerHandle> heap = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.deadlineNanos, b.deadlineNanos);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private long seq;
    private int cancelledCount;

    long nextSeq() {
        return seq++;
    }

    void add(EventLoop.TimerHandle h) {
        heap.add(h);
    }

    void cancelled(EventLoop.TimerHandle h) {
        cancelledCount++;
        if (cancelledCount > 100 && cancelledCount * 2 > heap.size()) {
            heap.removeIf(EventLoop.Handle::isCancelled);
            cancelledCount = 0;
        }
    }

    /** @return the earliest live deadline, or {@code Long.MAX_VALUE} if none */
    long nextDeadlineNanos() {
        dropCancelledHead();
        EventLoop.TimerHandle h = heap.peek();
        return h == null ? Long.MAX_VALUE : h.deadlineNanos;
    }

    /** Moves every timer due at {@code now} to {@code ready}, in deadline order. */
    void moveDue(long now, ArrayDeque<Object> ready) {
        for (EventLoop.TimerHandle h; (h = heap.peek()) != null && h.deadlineNanos <= now; ) {
            heap.poll();
            if (h.isCancelled()) {
                cancelledCount = Math.max(0, cancelledCount - 1);
            } else {
                ready.add(h);
            }
        }
    }

    int size() {
        return heap.size() - cancelledCount;
    }

    void clear() {
        heap.clear();
        cancelledCount = 0;
    }

    private void dropCancelledHead() {
        for (EventLoop.TimerHandle h; (h = heap.peek()) != null && h.isCancelled(); ) {
            heap.poll();
            cancelledCount = Math.max(0, cancelledCount - 1);
        }
    }
}
