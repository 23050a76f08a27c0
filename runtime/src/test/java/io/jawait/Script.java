package io.jawait;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A coroutine for tests, built from steps that read like the {@code @Async} body they stand for:
 * <pre>{@code
 * new Script<String>()
 *     .await(() -> sleep(1))                    // await(sleep(1));
 *     .map(v -> "slept")                        // value = "slept";
 *     .onError(CancelledException.class, e -> "cancelled")   // catch (CancelledException e)
 *     .andFinally(() -> sleep(0))               // finally { await(sleep(0)); }
 * }</pre>
 * The script carries one outcome, a value or a failure. A step that does not match the outcome
 * (an await after a failure, a handler when nothing failed) is skipped. Awaits go through the real
 * frame protocol ({@code awaits}/{@code awaited}), so a failure thrown at an await (a
 * cancellation, misuse) becomes the outcome, exactly as it would reach a {@code catch}.
 *
 * @param <T> the result type
 */
final class Script<T> extends Coroutine<T> {
    private enum Kind { AWAIT, MAP, RECOVER, FINALLY_AWAIT, FINALLY_RUN }

    private record Op(Kind kind, Function<Object, ?> fn, Class<? extends Throwable> type) {
    }

    private final List<Op> ops = new ArrayList<>();
    private int pc;
    private Object value;
    private Throwable failure;
    private Object savedValue;
    private Throwable savedFailure;

    /** {@code value = await(awaitable)}; skipped after a failure. */
    Script<T> await(Supplier<? extends Awaitable<?>> awaitable) {
        ops.add(new Op(Kind.AWAIT, v -> awaitable.get(), null));
        return this;
    }

    /** {@code value = await(f(value))}: the next awaitable made from the current value. */
    Script<T> awaitWith(Function<Object, ? extends Awaitable<?>> f) {
        ops.add(new Op(Kind.AWAIT, f, null));
        return this;
    }

    /** {@code value = f(value)}; skipped after a failure; what {@code f} throws becomes the failure. */
    Script<T> map(Function<Object, ?> f) {
        ops.add(new Op(Kind.MAP, f, null));
        return this;
    }

    /** Runs {@code action}, keeping the value; skipped after a failure. */
    Script<T> run(Runnable action) {
        return map(v -> {
            action.run();
            return v;
        });
    }

    /** Fails with what {@code failure} makes: {@code throw failure.get();}. */
    Script<T> fail(Supplier<? extends Throwable> failure) {
        return map(v -> {
            throw Futures.sneakyThrow(failure.get());
        });
    }

    /** {@code catch (E e) { value = handler(e); }} for the failure so far. */
    <E extends Throwable> Script<T> onError(Class<E> type, Function<? super E, ?> handler) {
        ops.add(new Op(Kind.RECOVER, e -> handler.apply(type.cast(e)), type));
        return this;
    }

    /** {@code finally { await(awaitable); }}: runs whatever the outcome, which it keeps unless it fails. */
    Script<T> andFinally(Supplier<? extends Awaitable<?>> awaitable) {
        ops.add(new Op(Kind.FINALLY_AWAIT, v -> awaitable.get(), null));
        return this;
    }

    /** {@code finally { action.run(); }}. */
    Script<T> finallyRun(Runnable action) {
        ops.add(new Op(Kind.FINALLY_RUN, v -> {
            action.run();
            return null;
        }, null));
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void step() throws Throwable {
        if (state == 1) {
            takeAwaited();
        }
        while (pc < ops.size()) {
            Op op = ops.get(pc);
            switch (op.kind) {
                case AWAIT, FINALLY_AWAIT -> {
                    if (op.kind == Kind.AWAIT && failure != null) {
                        pc++;
                        continue;
                    }
                    if (op.kind == Kind.FINALLY_AWAIT) {
                        savedValue = value;
                        savedFailure = failure;
                        failure = null;
                    }
                    try {
                        Awaitable<?> a = (Awaitable<?>) op.fn.apply(value);
                        state = 1;
                        if (awaits(a)) {
                            return;
                        }
                    } catch (Throwable t) {
                        failure = t;
                        state = 0;
                        pc++;
                        restoreAfterFinally(op);
                        continue;
                    }
                    takeAwaited();
                }
                case MAP -> {
                    if (failure == null) {
                        try {
                            value = op.fn.apply(value);
                        } catch (Throwable t) {
                            failure = t;
                        }
                    }
                    pc++;
                }
                case RECOVER -> {
                    if (failure != null && op.type.isInstance(failure)) {
                        Throwable caught = failure;
                        failure = null;
                        try {
                            value = ((Function<Object, ?>) op.fn).apply(caught);
                        } catch (Throwable t) {
                            failure = t;
                        }
                    }
                    pc++;
                }
                case FINALLY_RUN -> {
                    try {
                        op.fn.apply(null);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    pc++;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        complete(value);
    }

    /** Reads the await that finished and moves past its step. */
    private void takeAwaited() {
        Op op = ops.get(pc);
        state = 0;
        try {
            Object v = awaited();
            if (op.kind == Kind.AWAIT) {
                value = v;
            }
        } catch (Throwable t) {
            failure = t;
        }
        pc++;
        restoreAfterFinally(op);
    }

    private void restoreAfterFinally(Op op) {
        if (op.kind == Kind.FINALLY_AWAIT && failure == null) {
            value = savedValue;
            failure = savedFailure;
        }
    }
}
