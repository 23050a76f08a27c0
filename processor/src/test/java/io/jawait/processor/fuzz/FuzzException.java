package io.jawait.processor.fuzz;

/** What generated programs throw and catch; awaitables of the failing mode fail with it too. */
public final class FuzzException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message identifies where it was thrown */
    public FuzzException(String message) {
        super(message, null, false, false);
    }
}
