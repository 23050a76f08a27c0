package io.jawait.processor.behaviour;

import io.jawait.Asyncio;
import io.jawait.Awaitable;
import io.jawait.Coroutine;
import io.jawait.EventLoop;

/**
 * How the awaitables of a behaviour scenario complete. Compiled scenario sources call
 * {@link #of(Object)} for every value they await.
 */
public enum Mode {
    /** Every awaitable is already done: no await suspends. */
    DONE,
    /** Every awaitable completes later (a virtual-time sleep): every await suspends. */
    PENDING,
    /** Every awaitable fails with a {@link Boom}. */
    FAILING;

    /**
     * @param value what the awaitable produces
     * @param <T> its type
     * @return an awaitable behaving as this mode says
     */
    public <T> Coroutine<T> of(T value) {
        return switch (this) {
            case DONE -> Coroutine.of(value);
            case PENDING -> Asyncio.sleep(0.01, value);
            case FAILING -> Coroutine.failed(new Boom("boom " + value));
        };
    }

    /**
     * The synchronous twin's {@code await}: runs the awaitable on a private loop and returns its
     * value or throws its failure (no loop runs in the thread when a sync twin runs).
     *
     * @param awaitable what to wait for
     * @param <T> its type
     * @return its value
     */
    public static <T> T syncAwait(Awaitable<T> awaitable) {
        try (EventLoop loop = EventLoop.createVirtual()) {
            return loop.runUntilComplete(awaitable);
        }
    }

    /** The failure of {@link #FAILING} awaitables. */
    public static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what failed */
        public Boom(String message) {
            super(message);
        }
    }
}
