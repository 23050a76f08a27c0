package io.jawait;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Coroutine#defer}: starts by asking its supplier what to await. Awaited, it is no frame:
 * {@link Coroutine#awaits} claims it and awaits the supplier's awaitable in its place.
 */
final class DeferredCoroutine<T> extends Coroutine<T> {
    private final String description;
    private Supplier<? extends Awaitable<? extends T>> start;

    DeferredCoroutine(String description, Supplier<? extends Awaitable<? extends T>> start) {
        this.description = description;
        this.start = Objects.requireNonNull(start, "start");
    }

    /** Calls the supplier, once. */
    Awaitable<? extends T> start() {
        Supplier<? extends Awaitable<? extends T>> s = start;
        start = null;
        return Objects.requireNonNull(s.get(), "Coroutine.defer: the supplier returned null");
    }

    /** Runs as a frame only where nothing awaits it: as a task's coroutine. */
    @Override
    @SuppressWarnings("fallthrough") // the machine's cases fall through when an await did not suspend
    protected void step() throws Throwable {
        switch (state) {
            case 0:
                state = 1;
                if (awaits(start())) {
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
        String state = super.toString();
        return description + state.substring(state.indexOf('['));
    }
}
