package io.jawait;

import java.util.concurrent.TimeoutException;

/**
 * A deadline for a block of code (asyncio's {@code timeout()} context manager), made by
 * {@link Asyncio#timeout(double)}, {@link Asyncio#timeout(java.time.Duration)} or
 * {@link Asyncio#timeoutAt(double)} inside a task and used with try-with-resources in an
 * {@code @Async} method:
 * <pre>{@code
 * try (Timeout t = timeout(1.5)) {
 *     await(slowWork());
 * } catch (TimeoutException e) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The timeout is entered when it is created: it belongs to the task that created it. When the
 * deadline passes, that task is cancelled, so the body sees a {@link CancelledException} at its
 * suspended await; when that cancellation leaves the block, {@link #closeAsync(Throwable)} turns
 * it into a {@link TimeoutException}. The conversion happens only if nobody else asked to cancel
 * the task meanwhile ({@link Task#uncancel()} brings the count back to its value at entry), so an
 * outer cancellation still propagates as a cancellation, and of nested timeouts only the one that
 * expired raises. A deadline at or before the current time fires on the next loop iteration. A
 * deadline of {@link Double#POSITIVE_INFINITY} never fires.
 *
 * <p>States follow CPython's {@code timeouts.py}: entered, expiring (the deadline passed and the
 * task was cancelled), expired (left the block after expiring), finished (left it in time).
 */
public final class Timeout implements AsyncCloseable {
    private enum State { ENTERED, EXPIRING, EXPIRED, EXITED }

    private final Task<?> task;
    private final int cancellingAtEntry;
    private State state = State.ENTERED;
    private double when;
    private EventLoop.Handle handle;

    /** Enters a timeout for the current task; the factories in {@link Asyncio} call this. */
    Timeout(double when) {
        Task<?> current = Asyncio.currentTask();
        if (current == null) {
            throw new IllegalStateException("Timeout should be used inside a task");
        }
        this.task = current;
        this.cancellingAtEntry = current.cancelling();
        reschedule(when);
    }

    /** @return the deadline in loop time (see {@link EventLoop#time()}); infinite if none */
    public double when() {
        return when;
    }

    /**
     * Moves the deadline. A deadline at or before now fires on the next loop iteration;
     * {@link Double#POSITIVE_INFINITY} removes it.
     *
     * @param when the new deadline in loop time
     * @throws IllegalArgumentException if {@code when} is NaN
     * @throws IllegalStateException if the timeout already expired or its block was left
     */
    public void reschedule(double when) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("timeout deadline must be a number, got NaN");
        }
        if (state != State.ENTERED) {
            throw new IllegalStateException("Cannot change state of " + describe(state) + " Timeout");
        }
        this.when = when;
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (when != Double.POSITIVE_INFINITY) {
            EventLoop loop = task.loop();
            handle = when <= loop.time() ? loop.callSoon(this::onTimeout) : loop.callAt(when, this::onTimeout);
        }
    }

    /** @return whether the deadline passed while the block was running */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Leaves the block after it completed normally. Never fails: if the deadline passed but the
     * body swallowed the cancellation, the block's outcome stands.
     *
     * @return a coroutine to await
     */
    @Override
    public Coroutine<Void> closeAsync() {
        return new Exit(null);
    }

    /**
     * Leaves the block after it threw {@code failure}: this timeout's own cancellation becomes a
     * {@link TimeoutException} (caused by the cancellation); anything else is rethrown.
     *
     * @param failure what the body threw
     * @return a coroutine to await; it fails with {@link TimeoutException} or {@code failure}
     */
    @Override
    public Coroutine<Void> closeAsync(Throwable failure) {
        return new Exit(java.util.Objects.requireNonNull(failure, "failure"));
    }

    /**
     * Not for use: reached only by code that was not compiled by the jawait processor. Declared
     * to narrow the checked exceptions of a try-with-resources to {@link TimeoutException}.
     *
     * @throws TimeoutException never
     * @throws IllegalStateException always
     */
    @Override
    public void close() throws TimeoutException {
        throw new IllegalStateException("Timeout.close() reached outside a compiled @Async method: "
                + "use try-with-resources inside an @Async method, or await closeAsync()");
    }

    @Override
    public String toString() {
        return "Timeout[" + describe(state) + (state == State.ENTERED ? ", when=" + when : "") + "]";
    }

    private void onTimeout() {
        handle = null;
        if (state == State.ENTERED) {
            task.cancel();
            state = State.EXPIRING;
        }
    }

    /** The block's exit ({@code __aexit__}): returns what to throw, or null. */
    Throwable exit(Throwable failure) {
        if (state != State.ENTERED && state != State.EXPIRING) {
            throw new IllegalStateException("Timeout block was already left: " + this);
        }
        if (handle != null) {
            handle.cancel();
            handle = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            if (task.uncancel() <= cancellingAtEntry && failure instanceof CancelledException) {
                TimeoutException timedOut = new TimeoutException("timed out after deadline " + when);
                timedOut.initCause(failure);
                return timedOut;
            }
        } else {
            state = State.EXITED;
        }
        return failure;
    }

    private static String describe(State s) {
        return switch (s) {
            case ENTERED -> "active";
            case EXPIRING -> "expiring";
            case EXPIRED -> "expired";
            case EXITED -> "finished";
        };
    }

    /** The coroutine returned by both {@code closeAsync} methods; it never suspends. */
    private final class Exit extends Coroutine<Void> {
        private final Throwable failure;

        Exit(Throwable failure) {
            this.failure = failure;
        }

        @Override
        protected void step() throws Throwable {
            Throwable toThrow = exit(failure);
            if (toThrow != null) {
                throw toThrow;
            }
            complete(null);
        }
    }
}
