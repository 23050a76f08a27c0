package io.jawait.sync;

/**
 * Thrown by {@link Barrier#arriveAndWait()} when the barrier is broken ({@link Barrier#abort()})
 * or reset ({@link Barrier#reset()}) while the task waits, or is broken when it arrives
 * (asyncio's {@code BrokenBarrierError}).
 *
 * <p>Unchecked, unlike {@link java.util.concurrent.BrokenBarrierException}, because an
 * {@code await} can throw only what its coroutine fails with; the names are the same on purpose,
 * so import this one in {@code @Async} code.
 */
public class BrokenBarrierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a generic message. */
    public BrokenBarrierException() {
        super("Barrier is broken");
    }

    /**
     * Creates the exception with a message saying how the barrier broke.
     *
     * @param message the detail message
     */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
