package io.jawait.sync;

import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.Future;

/**
 * A counting semaphore for tasks (asyncio's {@code Semaphore}): {@link #acquire()} takes a
 * permit or waits for one, {@link #release()} returns one.
 *
 * <p>Strictly FIFO: a task arriving while others wait queues behind them even if a permit is
 * free. {@link #release()} may raise the count above its initial value; use
 * {@link BoundedSemaphore} to treat that as a bug.
 *
 * <p>Two ways to use it in an {@code @Async} method:
 * <pre>{@code
 * await(permits.acquire());
 * try {
 *     ... // at most N tasks here
 * } finally {
 *     permits.release();
 * }
 *
 * try (Held held = await(permits.hold())) {
 *     ... // released when the block exits
 * }
 * }</pre>
 *
 * <p>Cancellation: a task cancelled while waiting gives up its place; a task cancelled after a
 * permit was granted to it but before it resumed gives the permit back and the next waiter gets
 * it. Use a semaphore only from its loop's thread.
 */
public class Semaphore {
    private final Waiters waiters = new Waiters(this);
    /** Free permits; permits granted to woken waiters are already taken off. */
    private int value;

    /**
     * Creates a semaphore with {@code value} permits.
     *
     * @param value the initial number of permits
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0, got " + value);
        }
        this.value = value;
    }

    /**
     * Whether {@link #acquire()} would wait: no permit is free, or other tasks wait (or were woken
     * and have not resumed yet) and come first.
     *
     * @return whether the semaphore cannot be acquired immediately
     */
    public boolean locked() {
        return value == 0 || waiters.anyLive();
    }

    /**
     * Takes a permit, waiting in FIFO order if none is free or others are queued.
     *
     * @return a coroutine that completes once the caller holds a permit
     */
    public Coroutine<Void> acquire() {
        return new Acquire();
    }

    /**
     * Takes a permit like {@link #acquire()} and produces a handle whose close releases it, for
     * try-with-resources.
     *
     * @return a coroutine producing the handle once a permit is held
     */
    public Coroutine<Held> hold() {
        return Held.after(acquire(), this, this::release);
    }

    /**
     * Returns a permit and wakes the first waiter, if any.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore} released too many times
     */
    public void release() {
        value++;
        wakeUpNext();
    }

    /** The number of free permits (for subclasses' checks and tests). */
    int value() {
        return value;
    }

    /** Grants a permit to the first waiter still pending; returns whether there was one. */
    private boolean wakeUpNext() {
        for (Future<Void> w : waiters) {
            if (!w.isDone()) {
                value--;
                w.setResult(null);
                return true;
            }
        }
        return false;
    }

    /** Number of queued waiters, including woken ones not yet resumed (for tests). */
    int waiterCount() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (locked() ? "locked" : "unlocked, value:" + value)
                + waiters.describe() + "]";
    }

    /** The coroutine behind {@link #acquire()}; modelled on CPython 3.13's {@code Semaphore.acquire}. */
    private final class Acquire extends Coroutine<Void> {
        private Future<Void> waiter;

        @Override
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    if (!locked()) {
                        value--;
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
                        // Granted, then cancelled before resuming: give the permit back.
                        if (waiter.isDone() && !waiter.isCancelled()) {
                            value++;
                        }
                        throw e;
                    } finally {
                        // Newcomers may have queued behind us while permits were free (FIFO):
                        // hand out every free permit now.
                        while (value > 0 && wakeUpNext()) {
                            // each call grants one permit
                        }
                    }
                    complete(null);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }

        @Override
        public String toString() {
            return Semaphore.this.getClass().getSimpleName() + ".acquire()";
        }
    }
}
