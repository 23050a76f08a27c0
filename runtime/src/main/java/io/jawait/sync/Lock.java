package io.jawait.sync;

import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.Future;

/**
 * A mutual-exclusion lock for tasks on one event loop (asyncio's {@code Lock}).
 *
 * <p>The lock is not owned by a task and is not reentrant: any code may release it, and a task
 * acquiring it twice waits for itself forever. Waiters are served in FIFO order. Acquiring a free
 * lock that has no live waiters never suspends the caller.
 *
 * <p>Two ways to use it in an {@code @Async} method:
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     ... // exclusive
 * } finally {
 *     lock.release();
 * }
 *
 * try (Held held = await(lock.hold())) {
 *     ... // exclusive; released when the block exits
 * }
 * }</pre>
 *
 * <p>Cancellation: a task cancelled while waiting gives up its place; a task cancelled after it
 * was granted the lock but before it resumed does not take it, and the next waiter is woken
 * instead, so the lock is never left locked by nobody. Use a lock only from its loop's thread.
 */
public final class Lock {
    private final Waiters waiters = new Waiters(this);
    private boolean locked;

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /** @return whether the lock is held */
    public boolean locked() {
        return locked;
    }

    /**
     * Acquires the lock, waiting in FIFO order while it is held (or while earlier waiters have
     * yet to take it).
     *
     * @return a coroutine that completes once the lock is held by the caller
     */
    public Coroutine<Void> acquire() {
        return new Acquire();
    }

    /**
     * Acquires the lock like {@link #acquire()} and produces a handle whose close releases it,
     * for try-with-resources.
     *
     * @return a coroutine producing the handle once the lock is held
     */
    public Coroutine<Held> hold() {
        return Held.after(acquire(), this, this::release);
    }

    /**
     * Releases the lock and wakes the first waiter, if any.
     *
     * @throws IllegalStateException if the lock is not held ("Lock is not acquired.")
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirst();
    }

    /**
     * Wakes the head waiter unless it is already woken: a woken head either takes the lock or,
     * if cancelled, passes the wake-up on when it resumes.
     */
    private void wakeUpFirst() {
        Future<Void> first = waiters.peekFirst();
        if (first != null && !first.isDone()) {
            first.setResult(null);
        }
    }

    /** Number of queued waiters, including woken ones not yet resumed (for tests). */
    int waiterCount() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "unlocked") + waiters.describe() + "]";
    }

    /** The coroutine behind {@link #acquire()}. */
    private final class Acquire extends Coroutine<Void> {
        private Future<Void> waiter;

        @Override
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    if (!locked && !waiters.anyLive()) {
                        locked = true;
                        complete(null);
                        return;
                    }
                    waiter = waiters.enqueue();
                    state = 1;
                    if (awaits(waiter)) {
                        return;
                    }
                    // fall through
                case 1:
                    try {
                        try {
                            awaited();
                        } finally {
                            waiters.remove(waiter);
                        }
                    } catch (CancelledException e) {
                        // Keep the invariant: a free lock with live waiters has its head woken.
                        if (!locked) {
                            wakeUpFirst();
                        }
                        throw e;
                    }
                    locked = true;
                    complete(null);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }

        @Override
        public String toString() {
            return "Lock.acquire()";
        }
    }
}
