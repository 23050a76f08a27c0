package io.jawait;

/**
 * Thrown out of {@link EventLoop#runForever()} (and so {@code runUntilComplete} and
 * {@link Asyncio#run(Coroutine)}) when the loop's thread is interrupted: the loop stops after
 * the current iteration instead of spinning, and the thread keeps its interrupt flag.
 */
public class LoopInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public LoopInterruptedException() {
        super("the event loop's thread was interrupted; the loop stopped");
    }
}
