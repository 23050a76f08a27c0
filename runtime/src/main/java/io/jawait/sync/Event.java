package io.jawait.sync;

import io.jawait.Awaitable;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Future;
import java.util.function.Supplier;

/**
 * A flag tasks can wait for (asyncio's {@code Event}): {@link #set()} wakes every waiting task,
 * and while the flag stays set {@link #waitSet()} completes without suspending.
 *
 * <p>Usage in an {@code @Async} method:
 * <pre>{@code
 * await(ready.waitSet());   // elsewhere: ready.set();
 * }</pre>
 *
 * <p>Waking is scheduled, as for any future: a task woken by {@code set()} resumes on a later
 * loop turn and returns even if the flag was cleared in between. A task cancelled while waiting
 * leaves without a trace. Use an event only from its loop's thread. A waiting task holds no
 * frame for its wait, only a small future ({@link Coroutine#defer}).
 */
public final class Event {
    /** The smallest list length at which {@link #add} sweeps out cancelled waiters. */
    private static final int MIN_SWEEP = 16;

    /** Starts a wait: what {@link #waitSet()} awaits. One per event, not one per wait. */
    private final Supplier<Awaitable<Void>> startWait = this::startWait;
    private boolean value;
    /**
     * The waiting tasks' futures, oldest first, linked through the futures themselves: an event
     * with a million waiters holds no array. A cancelled waiter is not unlinked at once (asyncio's
     * {@code wait()} removes its future in a {@code finally}, which needs a frame per waiter):
     * {@link #set()} skips it, and {@link #add} sweeps such waiters out once the list has doubled.
     */
    private Waiter head;
    private Waiter tail;
    private int length;
    private int sweepAt = MIN_SWEEP;
    private EventLoop loop;

    /** Creates an event whose flag is not set. */
    public Event() {
    }

    /** @return whether the flag is set */
    public boolean isSet() {
        return value;
    }

    /** Sets the flag and wakes every task waiting for it. Does nothing if it is set already. */
    public void set() {
        if (value) {
            return;
        }
        value = true;
        Waiter w = head;
        head = null;
        tail = null;
        length = 0;
        sweepAt = MIN_SWEEP;
        while (w != null) {
            Waiter next = w.next;
            w.next = null;
            if (!w.isDone()) {
                w.setResult(null);
            }
            w = next;
        }
    }

    /** Clears the flag: later {@link #waitSet()} calls wait for the next {@link #set()}. */
    public void clear() {
        value = false;
    }

    /**
     * Waits until the flag is set (asyncio's {@code Event.wait()}).
     *
     * @return a coroutine that completes at once if the flag is set, else after the next
     *     {@link #set()}
     */
    public Coroutine<Void> waitSet() {
        return Coroutine.defer("Event.waitSet()", startWait);
    }

    private Awaitable<Void> startWait() {
        if (value) {
            return Coroutine.done();
        }
        Waiter waiter = new Waiter(boundToRunningLoop());
        add(waiter);
        return waiter;
    }

    /** The running loop, to which the event is now bound (asyncio's {@code _LoopBoundMixin}). */
    private EventLoop boundToRunningLoop() {
        loop = Waiters.runningLoopFor(loop, this);
        return loop;
    }

    private void add(Waiter waiter) {
        if (length >= sweepAt) {
            sweepCancelled();
            sweepAt = Math.max(MIN_SWEEP, length * 2); // amortized: a sweep per doubling
        }
        link(waiter);
    }

    private void link(Waiter waiter) {
        waiter.next = null;
        if (tail == null) {
            head = waiter;
        } else {
            tail.next = waiter;
        }
        tail = waiter;
        length++;
    }

    /** Unlinks the waiters that are done: only cancelled ones can be, while the flag is unset. */
    private void sweepCancelled() {
        Waiter w = head;
        head = null;
        tail = null;
        length = 0;
        while (w != null) {
            Waiter next = w.next;
            if (!w.isDone()) {
                link(w);
            }
            w = next;
        }
    }

    /** Number of tasks waiting, not counting cancelled ones (for tests). */
    int waiterCount() {
        int n = 0;
        for (Waiter w = head; w != null; w = w.next) {
            if (!w.isDone()) {
                n++;
            }
        }
        return n;
    }

    /** Length of the waiter list, cancelled waiters not yet swept out included (for tests). */
    int linkedWaiters() {
        return length;
    }

    @Override
    public String toString() {
        int n = waiterCount();
        return "Event[" + (value ? "set" : "unset") + (n == 0 ? "" : ", waiters:" + n) + "]";
    }

    /** A waiting task's future, and the link to the next one (it fits in a future's padding). */
    private static final class Waiter extends Future<Void> {
        Waiter next;

        Waiter(EventLoop loop) {
            super(loop);
        }

        @Override
        public String toString() {
            String s = super.toString();
            return "Future" + s.substring(s.indexOf('['));
        }
    }
}
