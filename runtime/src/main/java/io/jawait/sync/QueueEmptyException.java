package io.jawait.sync;

/**
 * Thrown by {@link AsyncQueue#getNowait()} on an empty queue (asyncio's {@code QueueEmpty}).
 */
public class QueueEmptyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message "the queue is empty". */
    public QueueEmptyException() {
        super("the queue is empty");
    }

    /**
     * Creates the exception with a specific message.
     *
     * @param message the detail message
     */
    public QueueEmptyException(String message) {
        super(message);
    }
}
