package io.jawait.net;

import io.jawait.Awaitable;
import io.jawait.Coroutine;
import java.util.concurrent.CompletionStage;

/**
 * Test helper: readable coroutines without the annotation processor. A chain awaits one thing
 * after another, each step receiving the previous value:
 * <pre>{@code
 * Chain.await(() -> Streams.openConnection(host, port))
 *      .then(conn -> { conn.writer().write(bytes); return conn.writer().drain(); })
 *      .andFinally(() -> log.add("done"));
 * }</pre>
 * Every step is a lambda run on the loop when the chain gets there, so awaitables are created
 * lazily, as in a real {@code @Async} body.
 *
 * @param <T> the value the chain produces
 */
abstract class Chain<T> extends Coroutine<T> {
    /** A step that may throw anything, as an {@code @Async} body may. */
    @FunctionalInterface
    interface Fn<A, R> {
        R apply(A value) throws Throwable;
    }

    /** A step with no input. */
    @FunctionalInterface
    interface Body<R> {
        R get() throws Throwable;
    }

    /** An action with no value. */
    @FunctionalInterface
    interface Action {
        void run() throws Throwable;
    }

    /** Awaits what {@code first} returns when the chain starts. */
    static <T> Chain<T> await(Body<? extends Awaitable<T>> first) {
        return new Then<Void, T>(Coroutine.done(), v -> first.get());
    }

    /** Awaits the {@link CompletionStage} {@code first} returns, through {@code awaits(CompletionStage)}. */
    static <T> Chain<T> awaitStage(Body<? extends CompletionStage<T>> first) {
        return new Then<Void, T>(Coroutine.done(), v -> first.get());
    }

    /** Runs {@code body} (on the loop) and completes with its value, without suspending. */
    static <T> Chain<T> call(Body<T> body) {
        return new Then<Void, T>(Coroutine.done(), v -> new Plain(body.get()));
    }

    /** Awaits {@code body(i)} for i = 0 .. times-1, one after another. */
    static Chain<Void> repeat(int times, Fn<Integer, ? extends Awaitable<?>> body) {
        return new Repeat(times, body, null);
    }

    /** Awaits {@code body()} again and again while it produces {@code true}. */
    static Chain<Void> loopWhile(Body<? extends Awaitable<Boolean>> body) {
        return new Repeat(Integer.MAX_VALUE, null, body);
    }

    /** Then awaits what {@code next} returns for this chain's value. */
    <R> Chain<R> then(Fn<? super T, ? extends Awaitable<R>> next) {
        return new Then<T, R>(this, next::apply);
    }

    /** Then awaits the {@link CompletionStage} {@code next} returns. */
    <R> Chain<R> thenStage(Fn<? super T, ? extends CompletionStage<R>> next) {
        return new Then<T, R>(this, next::apply);
    }

    /** Then completes with {@code fn} of this chain's value, without suspending. */
    <R> Chain<R> map(Fn<? super T, R> fn) {
        return new Then<T, R>(this, v -> new Plain(fn.apply(v)));
    }

    /** Runs {@code action} however this chain ends (a {@code finally} block). */
    Chain<T> andFinally(Action action) {
        return new Finally<>(this, action);
    }

    /** Completes with this chain's failure; fails with an AssertionError if it succeeds. */
    Chain<Throwable> failure() {
        return new Failure(this);
    }

    /** A step's plain value, as opposed to something to await. */
    private record Plain(Object value) {
    }

    private static final class Then<A, R> extends Chain<R> {
        private final Coroutine<A> first;
        private final Fn<? super A, ?> next;

        Then(Coroutine<A> first, Fn<? super A, ?> next) {
            this.first = first;
            this.next = next;
        }

        @Override

        @SuppressWarnings("fallthrough")

        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    state = 1;
                    if (awaits(first)) {
                        return;
                    }
                    // fall through
                case 1:
                    Object n = next.apply(this.<A>awaited());
                    state = 2;
                    if (n instanceof Plain p) {
                        complete(p.value());
                        return;
                    }
                    if (n instanceof CompletionStage<?> s ? awaits(s) : awaits((Awaitable<?>) n)) {
                        return;
                    }
                    // fall through
                case 2:
                    complete(awaited());
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    private static final class Repeat extends Chain<Void> {
        private final int times;
        private final Fn<Integer, ? extends Awaitable<?>> indexed;
        private final Body<? extends Awaitable<Boolean>> condition;
        private int done;

        Repeat(int times, Fn<Integer, ? extends Awaitable<?>> indexed, Body<? extends Awaitable<Boolean>> condition) {
            this.times = times;
            this.indexed = indexed;
            this.condition = condition;
        }

        @Override

        @SuppressWarnings("fallthrough")

        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (done == times) {
                            complete(null);
                            return;
                        }
                        Awaitable<?> next = indexed != null ? indexed.apply(done) : condition.get();
                        done++;
                        state = 1;
                        if (awaits(next)) {
                            return;
                        }
                        // fall through
                    case 1:
                        Object value = awaited();
                        if (condition != null && !Boolean.TRUE.equals(value)) {
                            complete(null);
                            return;
                        }
                        state = 0;
                        break;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }
    }

    private static final class Finally<T> extends Chain<T> {
        private final Coroutine<T> body;
        private final Action action;

        Finally(Coroutine<T> body, Action action) {
            this.body = body;
            this.action = action;
        }

        @Override

        @SuppressWarnings("fallthrough")

        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    state = 1;
                    if (awaits(body)) {
                        return;
                    }
                    // fall through
                case 1:
                    T value;
                    try {
                        value = awaited();
                    } finally {
                        action.run();
                    }
                    complete(value);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    private static final class Failure extends Chain<Throwable> {
        private final Coroutine<?> body;

        Failure(Coroutine<?> body) {
            this.body = body;
        }

        @Override

        @SuppressWarnings("fallthrough")

        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    state = 1;
                    if (awaits(body)) {
                        return;
                    }
                    // fall through
                case 1:
                    Object value;
                    try {
                        value = awaited();
                    } catch (Throwable t) {
                        complete(t);
                        return;
                    }
                    throw new AssertionError("expected a failure, got " + value);
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }
}
