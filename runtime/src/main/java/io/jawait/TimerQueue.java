package io.jawait;

import java.util.Arrays;

/**
 * The loop's timers: a binary min-heap ordered by deadline, then by scheduling order. Cancelled
 * timers are removed lazily, and the heap is rebuilt when they become the majority (as asyncio
 * does).
 *
 * <p>The deadlines live in a primitive array beside the handles, so sifting compares longs in
 * place and loads a handle only on a tie: with 100,000 timers, the comparator's cache misses
 * were the largest cost of a {@code PriorityQueue}.
 */
final class TimerQueue {
    private static final int INITIAL_CAPACITY = 16;

    private long[] deadlines = new long[INITIAL_CAPACITY];
    private EventLoop.TimerHandle[] handles = new EventLoop.TimerHandle[INITIAL_CAPACITY];
    private int size;
    private long seq;
    /** Cancelled timers still in the heap. */
    private int cancelledCount;

    long nextSeq() {
        return seq++;
    }

    void add(EventLoop.TimerHandle h) {
        if (size == handles.length) {
            int capacity = size * 2;
            deadlines = Arrays.copyOf(deadlines, capacity);
            handles = Arrays.copyOf(handles, capacity);
        }
        h.inHeap = true;
        siftUp(size++, h.deadlineNanos, h);
    }

    /** A timer still in the heap was cancelled (asyncio's {@code _timer_handle_cancelled}). */
    void cancelled(EventLoop.TimerHandle h) {
        cancelledCount++;
        if (cancelledCount > 100 && cancelledCount * 2 > size) {
            dropAllCancelled();
        }
    }

    /** @return the earliest live deadline, or {@code Long.MAX_VALUE} if none */
    long nextDeadlineNanos() {
        while (size > 0 && handles[0].isCancelled()) {
            pollHead();
            cancelledCount--;
        }
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    /** Moves every timer due at {@code now} to {@code ready}, in deadline order. */
    void moveDue(long now, ReadyQueue ready) {
        while (size > 0 && deadlines[0] <= now) {
            EventLoop.TimerHandle h = pollHead();
            if (h.isCancelled()) {
                cancelledCount--;
            } else {
                ready.add(h);
            }
        }
    }

    int size() {
        return size - cancelledCount;
    }

    /** Whether the heap holds no timer at all, not even a cancelled one. */
    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        Arrays.fill(handles, 0, size, null);
        size = 0;
        cancelledCount = 0;
    }

    private EventLoop.TimerHandle pollHead() {
        EventLoop.TimerHandle head = handles[0];
        head.inHeap = false;
        int last = --size;
        EventLoop.TimerHandle moved = handles[last];
        handles[last] = null;
        if (last > 0) {
            siftDown(0, deadlines[last], moved);
        }
        return head;
    }

    private void dropAllCancelled() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            EventLoop.TimerHandle h = handles[i];
            if (h.isCancelled()) {
                h.inHeap = false;
            } else {
                deadlines[kept] = deadlines[i];
                handles[kept++] = h;
            }
        }
        Arrays.fill(handles, kept, size, null);
        size = kept;
        cancelledCount = 0;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, deadlines[i], handles[i]);
        }
    }

    /** Whether the timer due at {@code d1} runs before the one due at {@code d2}: ties go by scheduling order. */
    private static boolean before(long d1, EventLoop.TimerHandle h1, long d2, EventLoop.TimerHandle h2) {
        return d1 < d2 || (d1 == d2 && h1.seq < h2.seq);
    }

    private void siftUp(int k, long d, EventLoop.TimerHandle h) {
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!before(d, h, deadlines[parent], handles[parent])) {
                break;
            }
            deadlines[k] = deadlines[parent];
            handles[k] = handles[parent];
            k = parent;
        }
        deadlines[k] = d;
        handles[k] = h;
    }

    private void siftDown(int k, long d, EventLoop.TimerHandle h) {
        int half = size >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            int right = child + 1;
            if (right < size && before(deadlines[right], handles[right], deadlines[child], handles[child])) {
                child = right;
            }
            if (!before(deadlines[child], handles[child], d, h)) {
                break;
            }
            deadlines[k] = deadlines[child];
            handles[k] = handles[child];
            k = child;
        }
        deadlines[k] = d;
        handles[k] = h;
    }
}
