package io.jawait;

import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A value that someone will complete later on the loop's thread (asyncio's {@code Future}).
 *
 * <p>Done callbacks are always <em>scheduled</em> on the loop, never run inline by the code that
 * completes the future. Awaiting a done future never suspends. Except for {@link #loop()} and
 * {@link #isDone()}-style queries, use a future only from its loop's thread; other threads go
 * through {@link EventLoop#callSoonThreadsafe(Runnable)} or {@link #toCompletableFuture()}. In debug
 * mode ({@link EventLoop#setDebug(boolean)}) completing, cancelling or adding a callback from a
 * thread other than the running loop's throws {@link IllegalStateException}.
 *
 * @param <T> the result type
 */
public non-sealed class Future<T> implements Awaitable<T> {
    private static final byte PENDING = 0;
    private static final byte SUCCEEDED = 1;
    private static final byte FAILED = 2;
    private static final byte CANCELLED = 3;
    static final byte SUCCEEDED_STATUS = SUCCEEDED;
    static final byte FAILED_STATUS = FAILED;
    static final byte CANCELLED_STATUS = CANCELLED;

    private final EventLoop loop;
    private byte status = PENDING;
    /**
     * The result, the cancellation message (a String or null), or for a failure the watch that
     * holds it (and reports it if nobody retrieves it). While a {@link Task} is pending it holds
     * the task's innermost frame instead, which saves the task a field. Kept to few fields: a
     * million suspended tasks are a million futures.
     */
    Object value;
    /**
     * Done callbacks: null, one entry, or a List of entries (a Consumer or a waiting Task). Once
     * the future is done, the callbacks captured at completion, until {@link #runCallbacks()}.
     */
    private Object callbacks;

    /**
     * Creates a pending future attached to {@code loop}; {@link EventLoop#createFuture()} is the
     * usual way.
     *
     * @param loop the loop whose thread completes the future and runs its callbacks
     */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** @return the loop this future belongs to */
    public EventLoop loop() {
        return loop;
    }

    /** @return whether the future has a result, a failure, or was cancelled */
    public boolean isDone() {
        return status != PENDING;
    }

    /** @return whether the future was cancelled */
    public boolean isCancelled() {
        return status == CANCELLED;
    }

    /**
     * The result. The failure is thrown unwrapped (the original object, even a checked
     * exception); a cancelled future throws {@link CancelledException}.
     *
     * @return the result
     * @throws IllegalStateException if the future is not done yet
     */
    @SuppressWarnings("unchecked")
    public T result() {
        try {
            return (T) resultForAwait();
        } catch (Throwable t) {
            throw Futures.sneakyThrow(t);
        }
    }

    /**
     * The failure, or {@code null} if the future succeeded.
     *
     * @return the exception the future failed with, or null
     * @throws CancelledException if the future was cancelled
     * @throws IllegalStateException if the future is not done yet
     */
    public Throwable exception() {
        switch (status) {
            case PENDING:
                throw new IllegalStateException("Exception is not set: " + this + " is not done");
            case CANCELLED:
                throw cancelledException();
            case FAILED:
                markRetrieved();
                return failure();
            default:
                return null;
        }
    }

    /**
     * Completes the future with {@code result} and schedules its callbacks.
     *
     * @param result the result
     * @throws IllegalStateException if the future is already done, or in debug mode when called from a
     *     thread other than the one running the loop
     */
    public void setResult(T result) {
        if (!trySet(SUCCEEDED, result)) {
            throw new IllegalStateException("invalid state: " + this + " is already done");
        }
    }

    /**
     * Fails the future with {@code failure} and schedules its callbacks.
     *
     * @param failure the failure, not {@code null}
     * @throws IllegalStateException if the future is already done, or in debug mode when called from a
     *     thread other than the one running the loop
     */
    public void setException(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        if (!trySet(FAILED, failure)) {
            throw new IllegalStateException("invalid state: " + this + " is already done");
        }
    }

    /**
     * Cancels the future: a pending future becomes cancelled and schedules its callbacks.
     *
     * @return {@code false} if the future was already done
     */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future with a message carried by the {@link CancelledException}.
     *
     * @param message why, or {@code null}
     * @return {@code false} if the future was already done
     */
    public boolean cancel(String message) {
        return trySet(CANCELLED, message);
    }

    /**
     * Adds a callback run on the loop once the future is done (scheduled right away if it is
     * done already).
     *
     * @param callback receives this future
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        addEntry(Objects.requireNonNull(callback, "callback"));
    }

    /**
     * Removes every registration of {@code callback} not yet scheduled.
     *
     * @param callback the callback given to {@link #addDoneCallback(Consumer)}
     * @return how many registrations were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        return removeEntry(callback);
    }

    /**
     * A {@link CompletableFuture} that completes when this future does, with the same result,
     * the failure, or a {@link java.util.concurrent.CancellationException} for a cancellation.
     * Cancelling the returned future cancels this one. Both this method and the returned future
     * may be used from any thread.
     *
     * @return a new completable future mirroring this one
     */
    public CompletableFuture<T> toCompletableFuture() {
        return Bridges.toCompletableFuture(this);
    }

    @Override
    public String toString() {
        String s = switch (status) {
            case PENDING -> "pending";
            case SUCCEEDED -> "finished result=" + value;
            case FAILED -> "finished exception=" + failure();
            default -> "cancelled";
        };
        return getClass().getSimpleName() + "[" + s + "]";
    }

    // ------------------------------------------------------------------ runtime internals

    /** Completes the future unless it is done already; returns whether it did. */
    boolean trySet(byte newStatus, Object newValue) {
        loop.checkThreadInDebug();
        if (status != PENDING) {
            return false;
        }
        status = newStatus;
        value = newValue;
        if (newStatus == FAILED) {
            value = loop.diagnostics().trackUnretrieved(this, (Throwable) newValue);
        }
        if (callbacks != null) {
            // They stay in callbacks, which a done future no longer adds to nor removes from.
            loop.schedule(this);
        }
        onDone();
        return true;
    }

    /** Hook for subclasses of the runtime, run right after the future completes. */
    void onDone() {
    }

    /** Registers a waiting task or a consumer. */
    final void addEntry(Object entry) {
        loop.checkThreadInDebug();
        if (status != PENDING) {
            loop.schedule(new Handles.FutureCallback(this, entry));
            return;
        }
        if (callbacks == null) {
            callbacks = entry;
        } else if (callbacks instanceof CallbackList list) {
            list.add(entry);
        } else {
            CallbackList list = new CallbackList();
            list.add(callbacks);
            list.add(entry);
            callbacks = list;
        }
    }

    /** Whether {@code entry} is the callback registered last (for a pending future). */
    final boolean lastEntryIs(Object entry) {
        Object cbs = callbacks;
        if (cbs instanceof CallbackList list) {
            return list.get(list.size() - 1) == entry;
        }
        return cbs == entry;
    }

    final int removeEntry(Object entry) {
        if (callbacks == null || status != PENDING) {
            return 0; // those of a done future are scheduled already
        }
        if (callbacks instanceof CallbackList list) {
            int before = list.size();
            list.removeIf(e -> e.equals(entry));
            int removed = before - list.size();
            if (list.isEmpty()) {
                callbacks = null;
            }
            return removed;
        }
        if (callbacks.equals(entry)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    /**
     * Runs the callbacks captured at completion; called by the loop. Each runs as if it were its
     * own handle (asyncio schedules them one by one): one that throws is reported and the others,
     * including the wake-up of an awaiting task, still run.
     */
    final void runCallbacks() {
        Object cbs = callbacks;
        callbacks = null;
        if (cbs instanceof CallbackList list) {
            for (Object e : list) {
                runEntryReportingFailure(e);
            }
        } else if (cbs != null) {
            runEntryReportingFailure(cbs);
        }
    }

    private void runEntryReportingFailure(Object entry) {
        try {
            runEntry(entry);
        } catch (Throwable e) {
            loop.diagnostics().callbackFailed(entry, e);
        }
    }

    @SuppressWarnings("unchecked")
    final void runEntry(Object entry) {
        if (entry instanceof Task<?> t) {
            t.wakeup(this);
        } else {
            ((Consumer<Object>) entry).accept(this);
        }
    }

    /** The outcome for an await: the value, or the failure thrown unwrapped. */
    final Object resultForAwait() throws Throwable {
        if (status == SUCCEEDED) {
            return value; // the common case, in a method small enough to inline into every await
        }
        return unsuccessfulResult();
    }

    private Object unsuccessfulResult() throws Throwable {
        switch (status) {
            case FAILED:
                markRetrieved();
                throw failure();
            case CANCELLED:
                throw cancelledException();
            default:
                throw new IllegalStateException("Result is not ready: " + this + " is still pending");
        }
    }

    /** Records that someone looked at the failure, so it is not reported as never retrieved. */
    final void markRetrieved() {
        if (status == FAILED && value instanceof LoopDiagnostics.Watch w) {
            w.retrieved = true;
        }
    }

    /** The failure of a failed future. */
    private Throwable failure() {
        return value instanceof LoopDiagnostics.Watch w ? w.failure : (Throwable) value;
    }

    final boolean isFailed() {
        return status == FAILED;
    }

    /** The stored failure without marking it retrieved (for reports). */
    final Throwable peekFailure() {
        return status == FAILED ? failure() : null;
    }

    /** The message given to cancel, for a cancelled future. */
    final String cancelMessage() {
        return status == CANCELLED ? (String) value : null;
    }

    CancelledException cancelledException() {
        return new CancelledException((String) value);
    }

    /** A list type of our own, so a user's List callback can never be mistaken for it. */
    private static final class CallbackList extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        CallbackList() {
            super(4);
        }
    }
}
