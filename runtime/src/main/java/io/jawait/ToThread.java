package io.jawait;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The coroutine behind {@link Asyncio#toThread(Callable)}: runs the callable on the loop's
 * default executor once awaited (not before), and produces its result on the loop's thread.
 * Cancelling the awaiting task cancels the executor work if it has not started.
 */
final class ToThread<T> extends Coroutine<T> {
    private final Callable<T> fn;

    ToThread(Callable<T> fn) {
        this.fn = Objects.requireNonNull(fn, "fn");
    }

    @Override
    @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(task.loop().runInExecutor(null, fn))) {
                    return;
                }
                // fall through
            case 1:
                complete(awaited());
                return;
            default:
                throw new IllegalStateException("bad state " + state);
        }
    }

    @Override
    public String toString() {
        return "toThread(" + fn + ")";
    }
}
