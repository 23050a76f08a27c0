package io.jawait.sync;

/**
 * Thrown when putting into a queue that was shut down, and when getting from one that is shut
 * down and empty; tasks waiting in {@link AsyncQueue#put(Object)} or {@link AsyncQueue#get()} get
 * it when {@link AsyncQueue#shutdown(boolean)} is called (asyncio's {@code QueueShutDown}, Python
 * 3.13).
 */
public class QueueShutDownException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message "the queue is shut down". */
    public QueueShutDownException() {
        super("the queue is shut down");
    }

    /**
     * Creates the exception with a specific message.
     *
     * @param message the detail message
     */
    public QueueShutDownException(String message) {
        super(message);
    }
}
