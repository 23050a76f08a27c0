package io.jawait;

import java.util.List;

/**
 * Thrown when a {@link TaskGroup} block is left after one or more of its tasks (or its body)
 * failed: Python's {@code ExceptionGroup('unhandled errors in a TaskGroup', errors)}.
 *
 * <p>Each failure is also attached as a suppressed exception, so a printed stack trace shows them
 * all. It is unchecked, so a try-with-resources over a task group compiles anywhere; catch it
 * where the failures are handled.
 */
public class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    /**
     * Creates the exception for {@code exceptions}, in the order they happened.
     *
     * @param exceptions the failures, not empty
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public TaskGroupException(List<? extends Throwable> exceptions) {
        super("unhandled errors in a TaskGroup (" + exceptions.size() + " sub-exception"
                + (exceptions.size() == 1 ? "" : "s") + ")");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a TaskGroupException needs at least one exception");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    /** @return the failures, in the order they happened (unmodifiable) */
    public List<Throwable> getExceptions() {
        return exceptions;
    }
}
