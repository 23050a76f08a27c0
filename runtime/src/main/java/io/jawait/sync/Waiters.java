package io.jawait.sync;

import io.jawait.Asyncio;
import io.jawait.EventLoop;
import io.jawait.Future;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The FIFO deque of waiter futures behind every primitive (the {@code _waiters} deque of
 * asyncio's {@code locks.py}), plus the primitive's loop binding.
 *
 * <p>A primitive binds to the first loop that makes one of its tasks wait, like asyncio's
 * {@code _LoopBoundMixin}: its waiters are completed by code running on that loop, so a waiter
 * from another loop would be woken from the wrong thread.
 */
final class Waiters implements Iterable<Future<Void>> {
    private final ArrayDeque<Future<Void>> deque = new ArrayDeque<>();
    private final Object owner;
    private EventLoop loop;

    /** @param owner the primitive, named in the wrong-loop message */
    Waiters(Object owner) {
        this.owner = owner;
    }

    /** A new pending waiter on the running loop, not yet in the deque. */
    Future<Void> create() {
        loop = runningLoopFor(loop, owner);
        return loop.createFuture();
    }

    /**
     * The running loop, which a primitive bound to {@code boundTo} (null: not bound yet) may use.
     *
     * @throws IllegalStateException if the primitive is bound to another loop
     */
    static EventLoop runningLoopFor(EventLoop boundTo, Object owner) {
        EventLoop running = Asyncio.getRunningLoop();
        if (boundTo != null && boundTo != running) {
            throw new IllegalStateException(owner + " is bound to a different event loop");
        }
        return running;
    }

    /** A new pending waiter appended at the tail. */
    Future<Void> enqueue() {
        Future<Void> waiter = create();
        deque.addLast(waiter);
        return waiter;
    }

    void add(Future<Void> waiter) {
        deque.addLast(waiter);
    }

    /** Removes {@code waiter} if still queued (waking may have popped it already). */
    boolean remove(Future<Void> waiter) {
        return deque.removeFirstOccurrence(waiter);
    }

    /** @return the head, or {@code null} */
    Future<Void> peekFirst() {
        return deque.peekFirst();
    }

    /** Whether some waiter is not cancelled: a pending one, or one woken but not yet resumed. */
    boolean anyLive() {
        for (Future<Void> w : deque) {
            if (!w.isCancelled()) {
                return true;
            }
        }
        return false;
    }

    /** Wakes up to {@code n} pending waiters in FIFO order, leaving them queued. */
    void wakePending(int n) {
        int woken = 0;
        for (Future<Void> w : deque) {
            if (woken >= n) {
                return;
            }
            if (!w.isDone()) {
                w.setResult(null);
                woken++;
            }
        }
    }

    /** Pops waiters until one that is still pending has been woken (asyncio queues' {@code _wakeup_next}). */
    void popAndWakeNext() {
        for (Future<Void> w; (w = deque.pollFirst()) != null; ) {
            if (!w.isDone()) {
                w.setResult(null);
                return;
            }
        }
    }

    /** Pops and wakes every waiter still pending. */
    void popAndWakeAll() {
        for (Future<Void> w; (w = deque.pollFirst()) != null; ) {
            if (!w.isDone()) {
                w.setResult(null);
            }
        }
    }

    int size() {
        return deque.size();
    }

    boolean isEmpty() {
        return deque.isEmpty();
    }

    @Override
    public Iterator<Future<Void>> iterator() {
        return deque.iterator();
    }

    /** The {@code ", waiters:N"} suffix of the primitives' {@code toString}, empty without waiters. */
    String describe() {
        return deque.isEmpty() ? "" : ", waiters:" + deque.size();
    }
}
