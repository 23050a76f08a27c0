package io.jawait;

/**
 * Raised at the suspended {@code await} of a task that was cancelled (asyncio's
 * {@code CancelledError}), and by {@link Future#result()} of a cancelled future.
 *
 * <p>It extends {@link Error} for the reason Python made {@code CancelledError} a
 * {@code BaseException}: a routine {@code catch (Exception e)} around an await must not swallow
 * cancellation, while {@code finally} blocks still run. A coroutine may catch it deliberately;
 * a task whose coroutine completes normally after catching it is not cancelled.
 *
 * <p>At the {@link java.util.concurrent.CompletableFuture} boundary it is bridged to
 * {@link java.util.concurrent.CancellationException}.
 */
public class CancelledException extends Error {
    private static final long serialVersionUID = 1L;

    /** Creates a cancellation without a message. */
    public CancelledException() {
        super();
    }

    /**
     * Creates a cancellation carrying the message given to {@link Future#cancel(String)}.
     *
     * @param message why the work was cancelled, or {@code null}
     */
    public CancelledException(String message) {
        super(message);
    }
}
