package io.jawait;

/** The default {@link AsyncCloseable#closeAsync(Throwable)}: close, then rethrow the body's failure. */
final class CloseAfterFailure extends Coroutine<Void> {
    private final Coroutine<Void> close;
    private final Throwable failure;

    CloseAfterFailure(Coroutine<Void> close, Throwable failure) {
        this.close = close;
        this.failure = failure;
    }

    @Override
    @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(close)) {
                    return;
                }
                // fall through
            case 1:
                try {
                    awaited();
                } catch (Throwable closeFailure) {
                    if (closeFailure != failure) {
                        failure.addSuppressed(closeFailure);
                    }
                }
                throw failure;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }
}
