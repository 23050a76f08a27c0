package io.jawait;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The asyncio-style facade: {@code import static io.jawait.Asyncio.*;} gives {@code await},
 * {@code run}, {@code sleep}, {@code gather} and the rest.
 */
public final class Asyncio {
    private Asyncio() {
    }

    /**
     * Waits for {@code awaitable} inside an {@code @Async} method and returns its value (its
     * failure is thrown unwrapped). The jawait processor compiles every call into a suspension
     * point of the method's state machine; this method itself only runs when code that uses it
     * was not compiled by the processor, and then it throws.
     *
     * @param awaitable a coroutine, future or task
     * @param <T> the value type
     * @return never returns normally outside compiled code
     * @throws IllegalStateException always, naming the calling method
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw notCompiled();
    }

    /**
     * Waits for a {@link CompletionStage} (a {@code CompletableFuture}, a {@code HttpClient}
     * response, ...) inside an {@code @Async} method; resumes on the loop's thread with the value,
     * or the failure unwrapped from {@code CompletionException}.
     *
     * @param stage the stage
     * @param <T> the value type
     * @return never returns normally outside compiled code
     * @throws IllegalStateException always, naming the calling method
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw notCompiled();
    }

    private static IllegalStateException notCompiled() {
        StackTraceElement caller = StackWalker.getInstance().walk(s -> s.skip(2).findFirst())
                .map(f -> f.toStackTraceElement()).orElse(null);
        String where = caller == null ? "unknown code" : caller.getClassName() + "." + caller.getMethodName()
                + (caller.getFileName() != null ? " (" + caller.getFileName() + ":" + caller.getLineNumber() + ")" : "");
        return new IllegalStateException("await(...) reached at run time in " + where
                + ": it works only inside an @Async method compiled by the jawait processor"
                + " (is io.jawait:jawait-processor on the compiler's annotationProcessorPaths?)");
    }

    /**
     * Runs {@code main} on a new event loop and returns its result (asyncio's {@code run}): the
     * loop runs until {@code main} completes, then remaining tasks are cancelled and allowed to
     * finish, the default executor is shut down and the loop is closed.
     *
     * @param main the coroutine to run
     * @param <T> the result type
     * @return main's result; its failure is thrown unwrapped
     * @throws IllegalStateException if an event loop is already running on this thread
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, false);
    }

    /**
     * {@link #run(Coroutine)} with debug mode on or off.
     *
     * @param main the coroutine to run
     * @param debug whether to run the loop in debug mode
     * @param <T> the result type
     * @return main's result
     */
    public static <T> T run(Coroutine<T> main, boolean debug) {
        return Runner.run(EventLoop.create(), main, debug);
    }

    /**
     * Schedules {@code coroutine} as a task on the running loop.
     *
     * @param coroutine the coroutine
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine) {
        return getRunningLoop().createTask(coroutine);
    }

    /**
     * Schedules {@code coroutine} as a named task on the running loop.
     *
     * @param coroutine the coroutine
     * @param name the task's name
     * @param <T> the result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        return getRunningLoop().createTask(coroutine, name);
    }

    /**
     * Suspends the calling task for {@code seconds}; {@code sleep(0)} yields one loop turn.
     *
     * @param seconds the delay
     * @return a coroutine to await
     * @throws IllegalArgumentException for a NaN delay
     */
    public static Coroutine<Void> sleep(double seconds) {
        return new Sleep<>(seconds, null);
    }

    /**
     * Suspends the calling task for {@code delay}.
     *
     * @param delay the delay
     * @return a coroutine to await
     */
    public static Coroutine<Void> sleep(Duration delay) {
        return new Sleep<>(seconds(delay), null);
    }

    /**
     * Suspends the calling task for {@code seconds}, then produces {@code result}.
     *
     * @param seconds the delay
     * @param result the value the coroutine produces
     * @param <T> the result type
     * @return a coroutine to await
     */
    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return new Sleep<>(seconds, result);
    }

    /**
     * @return the loop running on this thread
     * @throws IllegalStateException if none is running ("no running event loop")
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = EventLoop.runningOrNull();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /** @return the task running now on this thread's loop, or {@code null} */
    public static Task<?> currentTask() {
        EventLoop loop = EventLoop.runningOrNull();
        return loop == null ? null : loop.currentTask();
    }

    /** @return the running loop's tasks that are not done yet */
    public static Set<Task<?>> allTasks() {
        return getRunningLoop().liveTasks();
    }

    static double seconds(Duration d) {
        Objects.requireNonNull(d, "duration");
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
