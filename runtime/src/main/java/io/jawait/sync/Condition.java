package io.jawait.sync;

import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.Future;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks (asyncio's {@code Condition}): tasks holding the underlying
 * {@link Lock} wait until another task signals them.
 *
 * <p>Waiting, signalling and releasing require the lock; without it they throw
 * {@link IllegalStateException}. Two ways to hold it in an {@code @Async} method:
 * <pre>{@code
 * await(cond.acquire());
 * try {
 *     await(cond.waitFor(() -> !items.isEmpty()));
 *     take(items);
 * } finally {
 *     cond.release();
 * }
 *
 * try (Held held = await(cond.hold())) {
 *     items.add(item);
 *     cond.signal();
 * }
 * }</pre>
 *
 * <p>{@link #waitNotified()} releases the lock, waits for a signal, and re-acquires the lock
 * before it returns <em>or throws</em>: a task cancelled while waiting still holds the lock when
 * the {@link CancelledException} reaches it, so its {@code finally} can release it. A waiter that
 * leaves by an exception after being signalled passes the signal on to another waiter, so
 * signals are not lost; in exchange, wake-ups may be spurious, and callers re-check their
 * predicate ({@link #waitFor(BooleanSupplier)} does). Use a condition only from its loop's
 * thread.
 */
public final class Condition {
    private final Lock lock;
    private final Waiters waiters = new Waiters(this);

    /** Creates a condition with its own new {@link Lock}. */
    public Condition() {
        this(new Lock());
    }

    /**
     * Creates a condition over {@code lock}, which may be shared with other conditions.
     *
     * @param lock the underlying lock
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Acquires the underlying lock ({@link Lock#acquire()}).
     *
     * @return a coroutine that completes once the lock is held
     */
    public Coroutine<Void> acquire() {
        return lock.acquire();
    }

    /**
     * Acquires the underlying lock and produces a handle whose close releases it, for
     * try-with-resources.
     *
     * @return a coroutine producing the handle once the lock is held
     */
    public Coroutine<Held> hold() {
        return Held.after(lock.acquire(), this, lock::release);
    }

    /**
     * Releases the underlying lock ({@link Lock#release()}).
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void release() {
        lock.release();
    }

    /** @return whether the underlying lock is held */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Releases the lock, waits until signalled, and re-acquires the lock (asyncio's
     * {@code Condition.wait()}). The lock is re-acquired even when the wait is cancelled, and
     * then the cancellation is rethrown.
     *
     * @return a coroutine that completes, holding the lock again, once signalled
     * @throws IllegalStateException (from the coroutine) if the lock is not held when it starts
     */
    public Coroutine<Void> waitNotified() {
        return new WaitNotified();
    }

    /**
     * Waits until {@code predicate} is true: checks it first, then waits for a signal and
     * re-checks it each time. The predicate runs with the lock held.
     *
     * @param predicate the condition to wait for
     * @return a coroutine that completes, holding the lock, once the predicate is true
     * @throws IllegalStateException (from the coroutine) if it has to wait without holding the
     *     lock
     */
    public Coroutine<Void> waitFor(BooleanSupplier predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new Coroutine<>() {
            @Override
            protected void step() throws Throwable {
                for (;;) {
                    switch (state) {
                        case 0:
                            if (predicate.getAsBoolean()) {
                                complete(null);
                                return;
                            }
                            state = 1;
                            if (awaits(waitNotified())) {
                                return;
                            }
                            // fall through
                        case 1:
                            awaited();
                            state = 0;
                            continue;
                        default:
                            throw new IllegalStateException("bad state " + state);
                    }
                }
            }

            @Override
            public String toString() {
                return "Condition.waitFor(" + predicate + ")";
            }
        };
    }

    /**
     * Wakes one waiting task (asyncio's {@code notify()}). It resumes once it re-acquires the
     * lock, so the caller should release the lock soon.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, oldest first (asyncio's {@code notify(n)}).
     *
     * @param n how many to wake
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock");
        }
        waiters.wakePending(n);
    }

    /**
     * Wakes every waiting task (asyncio's {@code notify_all()}).
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** Number of waiting tasks, including signalled ones not yet resumed (for tests). */
    int waiterCount() {
        return waiters.size();
    }

    @Override
    public String toString() {
        return "Condition[" + (lock.locked() ? "locked" : "unlocked") + waiters.describe() + "]";
    }

    /** The coroutine behind {@link #waitNotified()}; modelled on CPython 3.13's {@code Condition.wait}. */
    private final class WaitNotified extends Coroutine<Void> {
        private Future<Void> waiter;
        /** What ends the wait abnormally: the wait's failure, replaced by a later cancellation. */
        private Throwable failure;

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (!lock.locked()) {
                            throw new IllegalStateException("cannot wait on un-acquired lock");
                        }
                        waiter = waiters.create();
                        lock.release();
                        waiters.add(waiter);
                        state = 1;
                        if (awaits(waiter)) {
                            return;
                        }
                        // fall through
                    case 1:
                        try {
                            awaited();
                        } catch (Throwable e) {
                            failure = e;
                        } finally {
                            waiters.remove(waiter);
                        }
                        state = 2;
                        // fall through
                    case 2:
                        // Re-acquire even when cancelled: the caller's finally expects the lock.
                        state = 3;
                        if (awaits(lock.acquire())) {
                            return;
                        }
                        // fall through
                    case 3:
                        try {
                            awaited();
                        } catch (CancelledException e) {
                            failure = e;
                            state = 2;
                            continue;
                        } catch (Throwable e) {
                            passSignalOn();
                            throw e;
                        }
                        if (failure != null) {
                            passSignalOn();
                            throw failure;
                        }
                        complete(null);
                        return;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }

        /** We may have been signalled before failing: wake another waiter in our stead. */
        private void passSignalOn() {
            waiters.wakePending(1);
        }

        @Override
        public String toString() {
            return "Condition.waitNotified()";
        }
    }
}
