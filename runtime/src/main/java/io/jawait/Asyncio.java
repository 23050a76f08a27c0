package io.jawait;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

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
        return Sleep.of(seconds, null);
    }

    /**
     * Suspends the calling task for {@code delay}.
     *
     * @param delay the delay
     * @return a coroutine to await
     */
    public static Coroutine<Void> sleep(Duration delay) {
        return Sleep.of(seconds(delay), null);
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
        return Sleep.of(seconds, result);
    }


    // ------------------------------------------------------------------ futures and combinators

    /**
     * A future for {@code awaitable} (asyncio's {@code ensure_future}): a future or task is
     * returned as is, a coroutine is scheduled as a task on the running loop.
     *
     * @param awaitable a coroutine, future or task
     * @param <T> the result type
     * @return the future
     * @throws IllegalStateException for a coroutine when no loop is running on this thread
     */
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        Objects.requireNonNull(awaitable, "awaitable");
        if (awaitable instanceof Future<T> f) {
            return f;
        }
        return getRunningLoop().createTask((Coroutine<T>) awaitable);
    }

    /**
     * Runs the awaitables concurrently and produces their results in argument order (asyncio's
     * {@code gather}). Coroutines are scheduled as tasks; the same awaitable given twice is run
     * once. The first failure (a child's cancellation counts, as {@link CancelledException}) fails
     * the returned future at once, while the other children keep running. Cancelling the returned
     * future cancels every unfinished child. No arguments give a done future of an empty list.
     *
     * @param awaitables coroutines, futures or tasks
     * @param <T> the common result type
     * @return a future of the results
     * @throws IllegalStateException if coroutines are given and no loop is running on this thread
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Awaitable<? extends T>... awaitables) {
        // Copied element by element: the array itself never escapes, so the varargs are safe.
        List<Awaitable<? extends T>> list = new java.util.ArrayList<>(awaitables.length);
        for (Awaitable<? extends T> a : awaitables) {
            list.add(a);
        }
        return Gather.of(list, false);
    }

    /**
     * {@link #gather(Awaitable[])} over a collection, results in iteration order.
     *
     * @param awaitables coroutines, futures or tasks
     * @param <T> the common result type
     * @return a future of the results
     */
    public static <T> Future<List<T>> gather(Collection<? extends Awaitable<? extends T>> awaitables) {
        return Gather.of(awaitables, false);
    }

    /**
     * {@code gather(..., return_exceptions=True)}: every child's failure (or
     * {@link CancelledException}) appears in the list as the Throwable instead of failing the
     * returned future. Cancelling the returned future still ends it with a cancellation.
     *
     * @param awaitables coroutines, futures or tasks
     * @return a future of the results and failures, in argument order
     */
    public static Future<List<Object>> gatherReturnExceptions(Awaitable<?>... awaitables) {
        return Gather.of(Arrays.asList(awaitables), true);
    }

    /**
     * {@link #gatherReturnExceptions(Awaitable[])} over a collection.
     *
     * @param awaitables coroutines, futures or tasks
     * @return a future of the results and failures, in iteration order
     */
    public static Future<List<Object>> gatherReturnExceptions(Collection<? extends Awaitable<?>> awaitables) {
        return Gather.of(awaitables, true);
    }

    /**
     * Awaits {@code awaitable} with a time limit (asyncio's {@code wait_for}, Python 3.12
     * semantics). A coroutine runs in the awaiting task; on expiry the inner work gets a
     * {@link CancelledException} at its await (a future or task is cancelled), and once it has
     * finished cancelling, {@link TimeoutException} surfaces at the await of this coroutine. If
     * the inner work swallows the cancellation and produces a value, that value is returned. A
     * timeout {@code <= 0} cancels anything not already done; {@link Double#POSITIVE_INFINITY}
     * means no limit.
     *
     * @param awaitable what to await
     * @param seconds the time limit
     * @param <T> the result type
     * @return a coroutine to await
     * @throws TimeoutException at the await, when the limit passes
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, double seconds) throws TimeoutException {
        return new WaitFor<>(awaitable, seconds);
    }

    /**
     * {@link #waitFor(Awaitable, double)} with a {@link Duration}.
     *
     * @param awaitable what to await
     * @param timeout the time limit
     * @param <T> the result type
     * @return a coroutine to await
     * @throws TimeoutException at the await, when the limit passes
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> awaitable, Duration timeout) throws TimeoutException {
        return new WaitFor<>(awaitable, seconds(timeout));
    }

    /**
     * Waits until the futures meet {@code returnWhen} (asyncio's {@code wait}) and splits them
     * into done and pending. Never cancels anything.
     *
     * <p>Call it qualified, {@code Asyncio.wait(...)}: inside a class, the {@code wait} methods
     * every object inherits from {@link Object} hide a static import of this one.
     *
     * @param futures futures or tasks (schedule coroutines with {@link #createTask} first)
     * @param returnWhen when to return
     * @param <T> the result type
     * @return a coroutine producing the split
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<? extends T>> futures, ReturnWhen returnWhen) {
        return new Wait<>(futures, returnWhen, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #wait(Collection, ReturnWhen)} that also returns once {@code timeout} has passed;
     * it never raises on timeout.
     *
     * @param futures futures or tasks
     * @param returnWhen when to return
     * @param timeout the longest wait
     * @param <T> the result type
     * @return a coroutine producing the split
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<? extends T>> futures, ReturnWhen returnWhen,
            Duration timeout) {
        return new Wait<>(futures, returnWhen, seconds(timeout));
    }

    /**
     * The awaitables' outcomes in completion order (asyncio's {@code as_completed}): one coroutine
     * per distinct awaitable, the n-th producing the result, or throwing the failure, of the n-th
     * to finish. Coroutines are scheduled as tasks right away.
     *
     * @param awaitables coroutines, futures or tasks
     * @param <T> the common result type
     * @return coroutines to await one after the other
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables) {
        return new AsCompleted<>(awaitables, Double.POSITIVE_INFINITY);
    }

    /**
     * {@link #asCompleted(Collection)} with a deadline: once {@code timeout} has passed, awaiting
     * the next element throws {@link TimeoutException}. Unfinished work is not cancelled.
     *
     * @param awaitables coroutines, futures or tasks
     * @param timeout the time allowed for all of them
     * @param <T> the common result type
     * @return coroutines to await one after the other
     * @throws TimeoutException at the await of an element, after the deadline
     */
    public static <T> Iterable<Coroutine<T>> asCompleted(Collection<? extends Awaitable<? extends T>> awaitables, Duration timeout)
            throws TimeoutException {
        return new AsCompleted<>(awaitables, seconds(timeout));
    }

    /**
     * Protects {@code awaitable} from cancellation (asyncio's {@code shield}): cancelling the
     * returned future (for example because the awaiting task is cancelled) leaves the inner work
     * running; the inner work's own cancellation cancels the returned future. An inner future
     * already done is returned as is.
     *
     * @param awaitable a coroutine (scheduled as a task), future or task
     * @param <T> the result type
     * @return a future mirroring the inner one
     */
    public static <T> Future<T> shield(Awaitable<T> awaitable) {
        return Combinators.shield(awaitable);
    }

    // ------------------------------------------------------------------ timeouts

    /**
     * A {@link Timeout} for the current task, {@code seconds} from now; a deadline at or before
     * now fires on the next loop iteration, {@link Double#POSITIVE_INFINITY} never.
     *
     * @param seconds the delay
     * @return the entered timeout, for a try-with-resources
     * @throws IllegalStateException if not called inside a task
     * @throws IllegalArgumentException if {@code seconds} is NaN
     */
    public static Timeout timeout(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("timeout delay must be a number, got NaN");
        }
        return new Timeout(getRunningLoop().time() + seconds);
    }

    /**
     * A {@link Timeout} for the current task, {@code delay} from now.
     *
     * @param delay the delay
     * @return the entered timeout, for a try-with-resources
     * @throws IllegalStateException if not called inside a task
     */
    public static Timeout timeout(Duration delay) {
        return timeout(seconds(delay));
    }

    /**
     * A {@link Timeout} for the current task at loop time {@code when} (see
     * {@link EventLoop#time()}).
     *
     * @param when the deadline in loop time
     * @return the entered timeout, for a try-with-resources
     * @throws IllegalStateException if not called inside a task
     * @throws IllegalArgumentException if {@code when} is NaN
     */
    public static Timeout timeoutAt(double when) {
        return new Timeout(when);
    }

    // ------------------------------------------------------------------ threads

    /**
     * Runs {@code fn} on the loop's default executor when awaited (asyncio's {@code to_thread})
     * and produces its result on the loop's thread; its failure surfaces unwrapped.
     *
     * @param fn the blocking work
     * @param <T> the result type
     * @return a coroutine to await
     */
    public static <T> Coroutine<T> toThread(Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        // Submitted when awaited, not before; cancelling the awaiter cancels work not yet started.
        return Coroutine.defer("toThread()", () -> getRunningLoop().runInExecutor(null, fn));
    }

    /**
     * Schedules {@code coroutine} on {@code loop} from any other thread (asyncio's
     * {@code run_coroutine_threadsafe}). The returned future completes with the task's result or
     * failure ({@link java.util.concurrent.CancellationException} if it was cancelled); cancelling
     * it cancels the task.
     *
     * @param coroutine the coroutine
     * @param loop a loop, usually running on another thread
     * @param <T> the result type
     * @return a future usable from any thread
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine, EventLoop loop) {
        return Bridges.runThreadsafe(Objects.requireNonNull(coroutine, "coroutine"), Objects.requireNonNull(loop, "loop"));
    }

    /**
     * A future of the running loop that completes, on the loop's thread, when {@code stage} does
     * (asyncio's {@code wrap_future}); the failure is unwrapped from {@code CompletionException}.
     * Cancelling the returned future cancels the stage's {@code CompletableFuture}.
     *
     * @param stage a completion stage, possibly completed by another thread
     * @param <T> the result type
     * @return a loop future
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        return getRunningLoop().wrapStage(Objects.requireNonNull(stage, "stage"));
    }

    // ------------------------------------------------------------------ introspection

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
