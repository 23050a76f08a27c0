package io.jawait.net;

import io.jawait.Coroutine;
import io.jawait.Future;
import java.util.function.Supplier;

/**
 * A coroutine that waits for a loop future and then, if {@code failure} supplies one, throws it:
 * the {@code waitClosed()} methods, whose futures any number of coroutines may await.
 */
final class AwaitFuture extends Coroutine<Void> {
    private final Future<Void> future;
    private final Supplier<Throwable> failure;
    private final String name;

    AwaitFuture(Future<Void> future, Supplier<Throwable> failure, String name) {
        this.future = future;
        this.failure = failure;
        this.name = name;
    }

    @Override
    @SuppressWarnings("fallthrough") // a state machine resumes by falling into the next case
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(future)) {
                    return;
                }
                // fall through
            case 1:
                awaited();
                Throwable t = failure == null ? null : failure.get();
                if (t != null) {
                    throw t;
                }
                complete(null);
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
