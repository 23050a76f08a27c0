package io.jawait.testing;

import io.jawait.Asyncio;
import io.jawait.Awaitable;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A coroutine written as a list of steps, standing in for an {@code @Async} body in the runtime's
 * tests (which are compiled without the processor). Each step is a plain action or an await:
 * <pre>{@code
 * Script.of()
 *     .await(lock::acquire)              // await(lock.acquire());
 *     .run(() -> log.add("in"))
 *     .await(() -> Asyncio.sleep(1))
 *     .always(lock::release);            // finally { lock.release(); }
 * }</pre>
 * The awaitable of an await step is created when the step is reached, as the source would. A
 * failure (including a cancellation) ends the script at that step and fails the coroutine;
 * {@link #always} actions reached run on every exit, like a {@code finally}. The coroutine produces the
 * last awaited value.
 */
public final class Script extends Coroutine<Object> {
    /** A statement of the script. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    private record Step(Action action, Supplier<? extends Awaitable<?>> awaitable, Consumer<Object> then,
            Action cleanup) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<Action> finallyActions = new ArrayList<>();
    private int pc;
    private Object last;

    private Script() {
    }

    /** @return an empty script */
    public static Script of() {
        return new Script();
    }

    /** Adds a statement. */
    public Script run(Action action) {
        steps.add(new Step(action, null, null, null));
        return this;
    }

    /** Adds {@code await(what.get())}, discarding the value. */
    public Script await(Supplier<? extends Awaitable<?>> what) {
        steps.add(new Step(null, what, null, null));
        return this;
    }

    /** Adds {@code then.accept(await(what.get()))}. */
    @SuppressWarnings("unchecked")
    public <R> Script await(Supplier<? extends Awaitable<R>> what, Consumer<? super R> then) {
        steps.add(new Step(null, what, (Consumer<Object>) then, null));
        return this;
    }

    /** Adds {@code await(sleep(seconds))}. */
    public Script sleep(double seconds) {
        return await(() -> Asyncio.sleep(seconds));
    }

    /**
     * From this step on, {@code action} runs when the script ends, normally or not: the rest of
     * the script is a {@code try} with this {@code finally}. Later ones run first.
     */
    public Script always(Action action) {
        steps.add(new Step(null, null, null, action));
        return this;
    }

    /** Schedules this script as a task on {@code loop}. */
    public io.jawait.Task<Object> startOn(EventLoop loop) {
        return loop.createTask(this);
    }

    @Override
    protected void step() throws Throwable {
        try {
            for (;;) {
                if (state == 1) {
                    state = 0;
                    Step awaitedStep = steps.get(pc++);
                    last = awaited();
                    if (awaitedStep.then() != null) {
                        awaitedStep.then().accept(last);
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
                    continue;
                }
                if (s.cleanup() != null) {
                    pc++;
                    finallyActions.add(0, s.cleanup());
                    continue;
                }
                state = 1;
                if (awaits(s.awaitable().get())) {
                    return;
                }
            }
        } catch (Throwable e) {
            runFinally();
            throw e;
        }
    }

    /** Runs the cleanups reached so far, innermost first, as nested {@code finally} blocks do. */
    private void runFinally() throws Throwable {
        List<Action> actions = new ArrayList<>(finallyActions);
        finallyActions.clear();
        for (Action a : actions) {
            a.run();
        }
    }
}
