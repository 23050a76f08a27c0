package io.jawait;

import java.nio.channels.SelectableChannel;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.Map;

/**
 * A single-threaded event loop (asyncio's event loop): a queue of ready callbacks, a heap of
 * timers, an NIO {@link java.nio.channels.Selector} for I/O, and a thread-safe inbox (the pieces
 * live in {@code LoopQueues}, {@code LoopSelector} and {@code ExecutorBridge}; this class is the
 * public surface).
 *
 * <p>Every callback and every coroutine step runs on the thread that runs the loop
 * ({@link #runUntilComplete(Awaitable)} or {@link #runForever()}). From other threads use
 * {@link #callSoonThreadsafe(Runnable)} or {@link Asyncio#runCoroutineThreadsafe(Coroutine, EventLoop)}.
 *
 * <p>One iteration runs, in order: callbacks posted from other threads, a poll for I/O (blocking
 * only when nothing is ready, at most until the next timer), the timers that are due, then every
 * callback that was ready when the iteration started. Callbacks scheduled meanwhile run in the
 * next iteration.
 *
 * <p>A loop made by {@link #createVirtual()} runs on virtual time: when nothing is ready and no
 * I/O or executor work is outstanding, time jumps to the next timer instead of waiting, so tests
 * of timeouts and sleeps run instantly and deterministically.
 */
public final class EventLoop implements AutoCloseable {
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private final LoopQueues queues = new LoopQueues();
    private final LoopClock clock;
    private final ExecutorBridge executors = new ExecutorBridge(this);
    private final LoopSelector selector;
    private final LoopDiagnostics diagnostics = new LoopDiagnostics(this);
    private final LiveTasks liveTasks = new LiveTasks();

    private volatile Thread thread;
    private volatile boolean closed;
    private boolean stopping;
    private Task<?> currentTask;

    private EventLoop(LoopClock clock) {
        this.clock = clock;
        this.selector = new LoopSelector(clock, executors);
    }

    /** @return a new loop on the system's monotonic clock */
    public static EventLoop create() {
        return new EventLoop(LoopClock.system());
    }

    /**
     * A new loop on virtual time starting at {@code 0.0}: when the loop would wait for a timer,
     * time jumps to it. I/O and executor work still take real time.
     *
     * @return a new loop on virtual time
     */
    public static EventLoop createVirtual() {
        return new EventLoop(LoopClock.virtual());
    }

    /** @return the loop running on the current thread, or {@code null} */
    static EventLoop runningOrNull() {
        return RUNNING.get();
    }

    // ------------------------------------------------------------------ running and stopping

    /**
     * Runs the loop until {@code awaitable} is done and returns its result (its failure is thrown
     * unwrapped). A coroutine is wrapped in a task first.
     *
     * @param awaitable a coroutine, future or task of this loop
     * @param <T> the result type
     * @return the result
     * @throws IllegalStateException if the loop is closed or already running, or if it was
     *     stopped before the awaitable completed
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkRunnable();
        Future<T> future = ensureFuture(awaitable);
        boolean[] stopOnDone = {true};
        future.addDoneCallback(f -> {
            if (stopOnDone[0]) {
                stop();
            }
        });
        try {
            runForever();
        } finally {
            stopOnDone[0] = false;
        }
        if (!future.isDone()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /**
     * Runs the loop until {@link #stop()} is called. Interrupting the loop's thread stops it too:
     * the loop leaves after the current iteration with a {@link LoopInterruptedException}, the
     * thread's interrupt flag still set, and pending work still scheduled.
     *
     * @throws IllegalStateException if the loop is closed or already running, or another loop
     *     runs on this thread
     * @throws LoopInterruptedException if the loop's thread was interrupted
     */
    public void runForever() {
        checkRunnable();
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
        thread = Thread.currentThread();
        RUNNING.set(this);
        try {
            while (!stopping) {
                queues.runOnce(stopping, clock, selector, diagnostics);
                if (Thread.currentThread().isInterrupted()) {
                    // The selector returns at once on an interrupted thread: leave, don't spin.
                    throw new LoopInterruptedException();
                }
            }
        } finally {
            stopping = false;
            thread = null;
            RUNNING.remove();
        }
    }

    /** Stops the loop after the current iteration; pending work stays scheduled. */
    public void stop() {
        stopping = true;
        selector.wakeup();
    }

    /** @return whether the loop is running */
    public boolean isRunning() {
        return thread != null;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: drops pending callbacks, closes the selector and shuts down the default
     * executor without waiting. Idempotent.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        if (isRunning()) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        queues.clear();
        executors.shutdownDefault(false);
        diagnostics.loopClosed();
        selector.close();
    }

    /** @return the loop's time in seconds: monotonic, or virtual for {@link #createVirtual()} */
    public double time() {
        return clock.nanos() / 1e9;
    }

    // ------------------------------------------------------------------ scheduling callbacks

    /**
     * Schedules {@code callback} to run on the next iteration, after the callbacks already
     * scheduled (FIFO).
     *
     * @param callback what to run
     * @return a handle that can cancel the call
     * @throws IllegalStateException if the loop is closed, or in debug mode when called from a
     *     thread other than the one running the loop
     */
    public Handle callSoon(Runnable callback) {
        checkOpen();
        checkThreadInDebug();
        Handle h = new Handle(Objects.requireNonNull(callback, "callback"));
        queues.schedule(h);
        return h;
    }

    /**
     * Schedules {@code callback} to run after {@code delay} seconds.
     *
     * @param delay seconds from now, {@code >= 0}
     * @param callback what to run
     * @return a handle that can cancel the call
     * @throws IllegalArgumentException for a negative or NaN delay
     * @throws IllegalStateException if the loop is closed, or in debug mode when called from a
     *     thread other than the one running the loop
     */
    public TimerHandle callLater(double delay, Runnable callback) {
        if (Double.isNaN(delay) || delay < 0) {
            throw new IllegalArgumentException("delay must be a non-negative number of seconds, got " + delay);
        }
        return callAt(time() + delay, callback);
    }

    /**
     * Schedules {@code callback} to run at loop time {@code when} (see {@link #time()}).
     *
     * @param when the loop time in seconds
     * @param callback what to run
     * @return a handle that can cancel the call
     * @throws IllegalArgumentException for a NaN time
     * @throws IllegalStateException if the loop is closed, or in debug mode when called from a
     *     thread other than the one running the loop
     */
    public TimerHandle callAt(double when, Runnable callback) {
        checkOpen();
        checkThreadInDebug();
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when must be a number, got NaN");
        }
        TimerHandle h = new TimerHandle(Objects.requireNonNull(callback, "callback"), when, this);
        queues.timers.add(h);
        return h;
    }

    /**
     * Schedules {@code callback} from any thread and wakes the loop.
     *
     * @param callback what to run on the loop's thread
     * @return a handle that can cancel the call
     * @throws IllegalStateException if the loop is closed
     */
    public Handle callSoonThreadsafe(Runnable callback) {
        checkOpen();
        Handle h = new Handle(Objects.requireNonNull(callback, "callback"));
        queues.post(h);
        selector.wakeup();
        return h;
    }

    // ------------------------------------------------------------------ futures and tasks

    /**
     * Creates a pending future attached to this loop.
     *
     * @param <T> the result type
     * @return a new pending future attached to this loop
     * @throws IllegalStateException in debug mode when called from a thread other than the one
     *     running the loop
     */
    public <T> Future<T> createFuture() {
        checkThreadInDebug();
        return new Future<>(this);
    }

    /**
     * Wraps {@code coroutine} in a task whose first step runs on a later iteration.
     *
     * @param coroutine the coroutine, not yet awaited or scheduled
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the coroutine was already awaited or scheduled, if the
     *     loop is closed, or in debug mode when called from a thread other than the loop's
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * Wraps {@code coroutine} in a named task.
     *
     * @param coroutine the coroutine, not yet awaited or scheduled
     * @param name the task's name, or null for {@code Task-N}
     * @param <T> the result type
     * @return the task
     * @throws IllegalStateException if the coroutine was already awaited or scheduled, if the
     *     loop is closed, or in debug mode when called from a thread other than the loop's
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        checkOpen();
        checkThreadInDebug();
        return new Task<>(this, Objects.requireNonNull(coroutine, "coroutine"), name);
    }

    /**
     * Runs {@code fn} on {@code executor} and returns a loop future of its result; the result or
     * failure is delivered on the loop's thread. Cancelling the returned future cancels the
     * executor's work if it has not started.
     *
     * @param executor where to run, or {@code null} for the default executor
     * @param fn the blocking or CPU-bound work
     * @param <T> the result type
     * @return a future completed on the loop
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        checkOpen();
        checkThreadInDebug();
        return executors.submit(executor, Objects.requireNonNull(fn, "fn"));
    }

    /**
     * Replaces the default executor used by {@code runInExecutor(null, ...)} and
     * {@link Asyncio#toThread(Callable)}.
     *
     * @param executor the new default executor
     */
    public void setDefaultExecutor(Executor executor) {
        executors.setDefault(Objects.requireNonNull(executor, "executor"));
    }

    /** Shuts down the default executor (if it was created by the loop) and waits for its work. */
    public void shutdownDefaultExecutor() {
        executors.shutdownDefault(true);
    }

    /**
     * Debug mode (asyncio's): reports callbacks and task steps slower than
     * {@link #setSlowCallbackDuration(double)}, and coroutines created while this loop runs on
     * their thread that are collected without ever being awaited; and makes the loop-only methods
     * ({@code callSoon}, {@code callLater}, {@code callAt}, {@code createFuture},
     * {@code createTask}, completing or cancelling a future) throw {@link IllegalStateException}
     * when called from a thread other than the one running the loop.
     *
     * @param debug whether to enable debug mode
     */
    public void setDebug(boolean debug) {
        diagnostics.setDebug(debug);
    }

    /**
     * Sets how long a callback or task step may run before debug mode reports it as slow
     * (asyncio's {@code slow_callback_duration}, 0.1 s by default).
     *
     * @param seconds the threshold, {@code >= 0}
     * @throws IllegalArgumentException for a negative or NaN duration
     */
    public void setSlowCallbackDuration(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("slow callback duration must be >= 0 seconds, got " + seconds);
        }
        diagnostics.setSlowCallbackSeconds(seconds);
    }

    /** @return the threshold above which debug mode reports a callback as slow, in seconds */
    public double getSlowCallbackDuration() {
        return diagnostics.slowCallbackSeconds();
    }

    /** @return whether debug mode is on */
    public boolean isDebug() {
        return diagnostics.isDebug();
    }

    /**
     * Sets the handler for errors nobody else can receive (a callback that threw, a task
     * exception never retrieved). The context map has {@code message} and, where known,
     * {@code exception}, {@code future}, {@code task} and {@code handle}.
     *
     * @param handler the handler, or {@code null} to restore the default (log to stderr)
     */
    public void setExceptionHandler(BiConsumer<EventLoop, Map<String, Object>> handler) {
        diagnostics.setHandler(handler);
    }

    /**
     * Calls the exception handler with {@code context}.
     *
     * @param context at least a {@code message}
     */
    public void callExceptionHandler(Map<String, Object> context) {
        diagnostics.report(context);
    }

    // ------------------------------------------------------------------ I/O

    /**
     * Calls {@code callback} on the loop whenever {@code channel} is ready for reading (or
     * accepting). The channel is made non-blocking.
     *
     * @param channel a selectable channel
     * @param callback what to run when it is readable
     */
    public void addReader(SelectableChannel channel, Runnable callback) {
        io(channel).setReader(callback);
    }

    /**
     * Stops watching {@code channel} for reading.
     *
     * @param channel the channel
     * @return whether a reader was registered
     */
    public boolean removeReader(SelectableChannel channel) {
        IoRegistration r = existingIo(channel);
        return r != null && r.setReader(null);
    }

    /**
     * Calls {@code callback} on the loop whenever {@code channel} is ready for writing (or its
     * connect finished).
     *
     * @param channel a selectable channel
     * @param callback what to run when it is writable
     */
    public void addWriter(SelectableChannel channel, Runnable callback) {
        io(channel).setWriter(callback);
    }

    /**
     * Stops watching {@code channel} for writing.
     *
     * @param channel the channel
     * @return whether a writer was registered
     */
    public boolean removeWriter(SelectableChannel channel) {
        IoRegistration r = existingIo(channel);
        return r != null && r.setWriter(null);
    }

    private IoRegistration io(SelectableChannel channel) {
        checkOpen();
        checkThreadInDebug();
        return selector.register(Objects.requireNonNull(channel, "channel"));
    }

    private IoRegistration existingIo(SelectableChannel channel) {
        return selector.existing(Objects.requireNonNull(channel, "channel"));
    }

    // ------------------------------------------------------------------ runtime internals

    /** Whether an open channel is watched for I/O (virtual time then waits before jumping). */
    boolean watchesIo() {
        return selector.hasIoInterest();
    }


    /** Appends a Handle, a done Future (runs its callbacks) or a pending Task (steps it). */
    void schedule(Object item) {
        queues.schedule(item);
    }

    /** Wraps a foreign stage in a loop future (see {@link Asyncio#wrapFuture(CompletionStage)}). */
    <T> Future<T> wrapStage(CompletionStage<T> stage) {
        return Bridges.wrap(this, stage);
    }

    <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        if (awaitable instanceof Future<T> f) {
            if (f.loop() != this) {
                throw new IllegalArgumentException("future " + f + " belongs to a different loop");
            }
            return f;
        }
        return createTask((Coroutine<T>) awaitable);
    }

    Task<?> enterTask(Task<?> task) {
        Task<?> previous = currentTask;
        currentTask = task;
        return previous;
    }

    void leaveTask(Task<?> task, Task<?> previous) {
        currentTask = previous;
    }

    Task<?> currentTask() {
        return currentTask;
    }

    void taskCreated(Task<?> task) {
        liveTasks.add(task);
    }

    void taskFinished(Task<?> task) {
        liveTasks.remove(task);
    }

    Set<Task<?>> liveTasks() {
        return liveTasks.snapshot();
    }

    LoopDiagnostics diagnostics() {
        return diagnostics;
    }

    ExecutorBridge executors() {
        return executors;
    }

    /**
     * In debug mode, throws when a loop-only method is called from another thread while the loop
     * runs (asyncio's {@code _check_thread}); outside debug mode it costs one field read.
     */
    void checkThreadInDebug() {
        if (diagnostics.isDebug()) {
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                throw new IllegalStateException("Non-thread-safe operation invoked on an event loop other than the current one"
                        + " (loop thread " + t.getName() + ", called from " + Thread.currentThread().getName()
                        + "): use callSoonThreadsafe or runCoroutineThreadsafe from other threads");
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    private void checkRunnable() {
        checkOpen();
        if (isRunning()) {
            throw new IllegalStateException("This event loop is already running");
        }
    }

    @Override
    public String toString() {
        return "EventLoop[" + (closed ? "closed" : isRunning() ? "running" : "idle")
                + (clock.isVirtual() ? ", virtual time " + time() : "") + ", " + queues
                + ", tasks=" + liveTasks.size() + "]";
    }

    // ------------------------------------------------------------------ handles

    /** A scheduled callback (asyncio's {@code Handle}). */
    public static class Handle implements Runnable {
        private Runnable callback;
        private boolean cancelled;

        Handle(Runnable callback) {
            this.callback = callback;
        }

        /** Cancels the call if it has not run yet. */
        public void cancel() {
            cancelled = true;
            callback = null;
        }

        /** @return whether {@link #cancel()} was called */
        public boolean isCancelled() {
            return cancelled;
        }

        /** Runs the callback unless cancelled; called by the loop. */
        @Override
        public void run() {
            Runnable r = callback;
            if (!cancelled && r != null) {
                r.run();
            }
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + (cancelled ? "cancelled" : String.valueOf(callback)) + "]";
        }
    }

    /** A callback scheduled for a loop time (asyncio's {@code TimerHandle}). */
    public static final class TimerHandle extends Handle {
        final double when;
        final long deadlineNanos;
        final long seq;
        private final EventLoop loop;
        /** Whether the timer is in the loop's heap: cancelling one that fired already costs nothing. */
        boolean inHeap;

        TimerHandle(Runnable callback, double when, EventLoop loop) {
            super(callback);
            this.when = when;
            this.deadlineNanos = when >= Long.MAX_VALUE / 1e9 ? Long.MAX_VALUE : (long) Math.ceil(when * 1e9);
            this.seq = loop.queues.timers.nextSeq();
            this.loop = loop;
        }

        /** @return the loop time at which the callback is scheduled */
        public double when() {
            return when;
        }

        @Override
        public void cancel() {
            if (!isCancelled()) {
                super.cancel();
                if (inHeap) {
                    loop.queues.timers.cancelled(this);
                }
            }
        }
    }
}
