package io.jawait;

import java.util.Objects;
import java.util.function.Supplier;

/** {@link Coroutine#defer}: starts by asking its supplier what to await. */
final class DeferredCoroutine<T> extends FramelessCoroutine<T> {
    private final String description;
    private Supplier<? extends Awaitable<? extends T>> start;

    DeferredCoroutine(String description, Supplier<? extends Awaitable<? extends T>> start) {
        this.description = description;
        this.start = Objects.requireNonNull(start, "start");
    }

    @Override
    Awaitable<? extends T> start(EventLoop loop) {
        Supplier<? extends Awaitable<? extends T>> s = start;
        start = null;
        return Objects.requireNonNull(s.get(), "Coroutine.defer: the supplier returned null");
    }

    @Override
    String description() {
        return description;
    }
}
