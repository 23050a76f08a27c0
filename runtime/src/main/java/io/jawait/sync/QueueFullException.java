package io.jawait.sync;

/**
 * Thrown by {@link AsyncQueue#putNowait(Object)} on a full queue (asyncio's {@code QueueFull}).
 */
public class QueueFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the message "the queue is full". */
    public QueueFullException() {
        super("the queue is full");
    }

    /**
     * Creates the exception with a specific message.
     *
     * @param message the detail message
     */
    public QueueFullException(String message) {
        super(message);
    }
}
