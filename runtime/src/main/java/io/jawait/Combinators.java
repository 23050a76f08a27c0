package io.jawait;

import java.util.Collection;
import java.util.Objects;

/** Helpers shared by gather, wait, asCompleted and shield: finding the loop, making futures. */
final class Combinators {
    private Combinators() {
    }

    /**
     * The loop of the first future among {@code awaitables}, else the running loop (coroutines
     * need one to become tasks).
     */
    static EventLoop loopFor(Collection<? extends Awaitable<?>> awaitables) {
        Objects.requireNonNull(awaitables, "awaitables");
        for (Awaitable<?> a : awaitables) {
            if (Objects.requireNonNull(a, "awaitable in collection") instanceof Future<?> f) {
                return f.loop();
            }
        }
        return Asyncio.getRunningLoop();
    }

    /** {@code a} itself if it is a future of {@code loop}, else a new task of {@code loop}. */
    @SuppressWarnings("unchecked")
    static <T> Future<T> ensureFuture(EventLoop loop, Awaitable<? extends T> a) {
        return (Future<T>) loop.ensureFuture(a);
    }

    /**
     * CPython's {@code shield}: an inner future already done is returned as is; otherwise an outer
     * future mirrors the inner one, and cancelling the outer leaves the inner running.
     */
    static <T> Future<T> shield(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        Future<T> inner = awaitable instanceof Future<T> f ? f : Asyncio.getRunningLoop().createTask((Coroutine<T>) awaitable);
        if (inner.isDone()) {
            return inner;
        }
        Future<T> outer = inner.loop().createFuture();
        java.util.function.Consumer<Future<T>> copy = in -> {
            if (outer.isDone()) {
                if (!in.isCancelled()) {
                    in.exception(); // nobody awaits the outer any more: mark the failure retrieved
                }
            } else if (in.isCancelled()) {
                outer.cancel(in.cancelMessage());
            } else if (in.exception() != null) {
                outer.setException(in.exception());
            } else {
                outer.setResult(in.result());
            }
        };
        inner.addDoneCallback(copy);
        outer.addDoneCallback(o -> {
            if (!inner.isDone()) {
                inner.removeDoneCallback(copy);
            }
        });
        return outer;
    }
}
