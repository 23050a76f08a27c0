package io.jawait.reliability;

import io.jawait.Awaitable;
import io.jawait.Coroutine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A hand-built coroutine for the reliability tests: a list of statements, awaits and
 * {@code finally} actions, standing in for an {@code @Async} body.
 * <pre>{@code
 * Steps.of()
 *     .await(lock::acquire)              // await(lock.acquire());
 *     .always(lock::release)             // try { ... } finally { lock.release(); }
 *     .await(() -> Asyncio.sleep(1))
 *     .run(() -> log.add("done"));
 * }</pre>
 * The same shape as the package-private {@code io.jawait.sync.Script}, which this package cannot
 * reach. An awaitable is created when its step is reached, as the source would. A failure
 * (including a cancellation) ends the script at that step and fails the coroutine after the
 * {@code finally} actions reached so far ran, innermost first. The coroutine produces the last
 * awaited value.
 */
final class Steps extends Coroutine<Object> {
    /** A statement that may throw anything, as an {@code @Async} body may. */
    @FunctionalInterface
    interface Action {
        void run() throws Throwable;
    }

    private record Step(Action action, Supplier<? extends Awaitable<?>> awaitable, Consumer<Object> then,
            Action cleanup) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Action> finallyActions = new ArrayList<>();
    private int pc;
    private Object last;

    private Steps() {
    }

    /** @return an empty script */
    static Steps of() {
        return new Steps();
    }

    /** Adds a statement. */
    Steps run(Action action) {
        steps.add(new Step(action, null, null, null));
        return this;
    }

    /** Adds {@code await(what.get())}. */
    Steps await(Supplier<? extends Awaitable<?>> what) {
        steps.add(new Step(null, what, null, null));
        return this;
    }

    /** Adds {@code then.accept(await(what.get()))}. */
    @SuppressWarnings("unchecked")
    <R> Steps await(Supplier<? extends Awaitable<R>> what, Consumer<? super R> then) {
        steps.add(new Step(null, what, (Consumer<Object>) then, null));
        return this;
    }

    /** From here on the script is a {@code try} whose {@code finally} runs {@code action}. */
    Steps always(Action action) {
        steps.add(new Step(null, null, null, action));
        return this;
    }

    @Override
    protected void step() throws Throwable {
        try {
            for (;;) {
                if (state == 1) {
                    state = 0;
                    Step awaited = steps.get(pc++);
                    last = awaited();
                    if (awaited.then() != null) {
                        awaited.then().accept(last);
                    }
                }
                if (pc == steps.size()) {
                    runFinally();
                    complete(last);
                    return;
                }
                Step s = steps.get(pc);
                if (s.action() != null) {
                    pc++;
                    s.action().run();
                } else if (s.cleanup() != null) {
                    pc++;
                    finallyActions.add(0, s.cleanup());
                } else {
                    state = 1;
                    if (awaits(s.awaitable().get())) {
                        return;
                    }
                }
            }
        } catch (Throwable e) {
            runFinally();
            throw e;
        }
    }

    /** Runs the cleanups reached so far, innermost first, each once. */
    private void runFinally() throws Throwable {
        List<Action> actions = new ArrayList<>(finallyActions);
        finallyActions.clear();
        for (Action a : actions) {
            a.run();
        }
    }
}
