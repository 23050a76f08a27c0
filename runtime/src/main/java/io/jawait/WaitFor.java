package io.jawait;

import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The coroutine behind {@link Asyncio#waitFor(Awaitable, double)}, following CPython 3.12.
 *
 * <p>A positive timeout runs {@code await awaitable} inside a {@link Timeout} of the calling
 * task: a coroutine runs inline in the caller's task and, on expiry, gets the cancellation at its
 * suspended await; a future or task being awaited is cancelled. Either way the inner work
 * finishes cancelling before the {@link TimeoutException} surfaces, and a value returned by inner
 * code that swallowed the cancellation is returned.
 *
 * <p>A timeout {@code <= 0} returns the result of an awaitable that is already done; otherwise it
 * cancels it (a coroutine is first wrapped in a task, whose body then never runs), waits until it
 * finished cancelling, and raises {@link TimeoutException} unless it produced a value anyway.
 */
final class WaitFor<T> extends Coroutine<T> {
    private final Awaitable<T> awaitable;
    private final double seconds;
    private Timeout timeout;
    private Future<T> inner;
    private Consumer<Future<T>> release;

    WaitFor(Awaitable<T> awaitable, double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("waitFor timeout must be a number, got NaN");
        }
        this.awaitable = java.util.Objects.requireNonNull(awaitable, "awaitable");
        this.seconds = seconds;
    }

    @Override
    @SuppressWarnings({"unchecked", "fallthrough"})
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                if (seconds <= 0) {
                    inner = task.loop().ensureFuture(awaitable);
                    if (inner.isDone()) {
                        complete(inner.result());
                        return;
                    }
                    // CPython's _cancel_and_wait: a separate waiter, so that cancelling this task
                    // is not mistaken for the inner work's cancellation.
                    Future<Void> waiter = task.loop().createFuture();
                    release = f -> {
                        if (!waiter.isDone()) {
                            waiter.setResult(null);
                        }
                    };
                    inner.addDoneCallback(release);
                    inner.cancel();
                    state = 2;
                    awaits(waiter); // a new future is pending: this always suspends
                    return;
                }
                timeout = new Timeout(task.loop().time() + seconds);
                state = 1;
                boolean suspended;
                try {
                    suspended = awaits(awaitable);
                } catch (Throwable misuse) {
                    throw timeout.exit(misuse); // e.g. a coroutine awaited twice: leave the timeout
                }
                if (suspended) {
                    return;
                }
                // fall through
            case 1: {
                Object value;
                try {
                    value = awaited();
                } catch (Throwable failure) {
                    throw timeout.exit(failure);
                }
                timeout.exit(null);
                complete(value);
                return;
            }
            case 2:
                try {
                    awaited();
                } finally {
                    inner.removeDoneCallback(release);
                }
                try {
                    complete(inner.result());
                } catch (CancelledException cancelled) {
                    TimeoutException timedOut = new TimeoutException("timed out: the awaitable was cancelled at once");
                    timedOut.initCause(cancelled);
                    throw timedOut;
                }
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    @Override
    public String toString() {
        return "waitFor(" + awaitable + ", " + seconds + ")";
    }
}
