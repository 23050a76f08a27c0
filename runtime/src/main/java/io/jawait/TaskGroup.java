package io.jawait;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Structured concurrency (asyncio's {@code TaskGroup}): tasks created in a group are all finished
 * when the group's block is left.
 * <pre>{@code
 * try (TaskGroup tg = TaskGroup.open()) {
 *     Task<String> a = tg.createTask(fetch("a"));
 *     Task<String> b = tg.createTask(fetch("b"));
 * }   // awaits both; a failure cancels the rest and throws TaskGroupException
 * }</pre>
 *
 * <ul>
 * <li>The group is entered when {@link #open()} is called inside a task, the parent task.</li>
 * <li>Leaving the block ({@link #closeAsync()} / {@link #closeAsync(Throwable)}) waits for every
 *     child, even when the body threw.</li>
 * <li>The first child that fails with something other than a cancellation cancels the other
 *     children and the parent task's body (its current await gets a {@link CancelledException});
 *     the group withdraws that cancellation with {@link Task#uncancel()} when it exits.</li>
 * <li>Exit throws {@link TaskGroupException} with every child failure, plus the body's own
 *     failure if it was not a cancellation. Without failures, a cancellation of the parent from
 *     outside propagates as {@link CancelledException} once the children are done.</li>
 * <li>{@link #createTask(Coroutine)} after exit, or while the group is aborting, throws
 *     {@link IllegalStateException}.</li>
 * </ul>
 * The logic follows CPython's {@code taskgroups.py}.
 */
public final class TaskGroup implements AsyncCloseable {
    private final EventLoop loop;
    private final Task<?> parent;
    private final LinkedHashSet<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Consumer<Future<?>> onTaskDone = this::onTaskDone;
    private boolean exiting;
    private boolean exited;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Future<Void> onCompleted;

    private TaskGroup(Task<?> parent) {
        this.parent = parent;
        this.loop = parent.loop();
    }

    /**
     * Enters a new task group owned by the current task.
     *
     * @return the group, to be used in a try-with-resources of an {@code @Async} method
     * @throws IllegalStateException if not called from inside a task
     */
    public static TaskGroup open() {
        Task<?> current = Asyncio.currentTask();
        if (current == null) {
            throw new IllegalStateException("TaskGroup.open() must be called inside a task (an @Async method run by the loop)");
        }
        return new TaskGroup(current);
    }

    /**
     * Starts {@code coroutine} as a child task of the group.
     *
     * @param coroutine the coroutine, not yet awaited or scheduled
     * @param <T> the result type
     * @return the child task
     * @throws IllegalStateException if the group has exited or is shutting down after a failure
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * Starts {@code coroutine} as a named child task of the group.
     *
     * @param coroutine the coroutine, not yet awaited or scheduled
     * @param name the task's name, or {@code null} for {@code Task-N}
     * @param <T> the result type
     * @return the child task
     * @throws IllegalStateException if the group has exited or is shutting down after a failure
     */
    public <T> Task<T> createTask(Coroutine<T> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        String refusal = exited || exiting && tasks.isEmpty() ? "is finished" : aborting ? "is shutting down" : null;
        if (refusal != null) {
            coroutine.discard();
            throw new IllegalStateException("TaskGroup " + this + " " + refusal + ": cannot create a task");
        }
        Task<T> task = loop.createTask(coroutine, name);
        tasks.add(task);
        task.addDoneCallback(onTaskDone);
        return task;
    }

    /**
     * Leaves the block after the body completed normally: waits for every child.
     *
     * @return a coroutine that fails with {@link TaskGroupException} if any child failed, or with
     *     {@link CancelledException} if the parent was cancelled from outside
     */
    @Override
    public Coroutine<Void> closeAsync() {
        return new Exit(null);
    }

    /**
     * Leaves the block after the body threw {@code failure}: cancels the children, waits for
     * them, and throws {@link TaskGroupException} (which includes {@code failure} unless it is a
     * cancellation), the propagating cancellation, or {@code failure} itself.
     *
     * @param failure what the body threw
     * @return a coroutine to await
     */
    @Override
    public Coroutine<Void> closeAsync(Throwable failure) {
        return new Exit(Objects.requireNonNull(failure, "failure"));
    }

    /**
     * Not for use: reached only by code that was not compiled by the jawait processor.
     *
     * @throws TaskGroupException never
     * @throws IllegalStateException always
     */
    @Override
    public void close() throws TaskGroupException {
        throw new IllegalStateException("TaskGroup.close() reached outside a compiled @Async method: "
                + "use try-with-resources inside an @Async method, or await closeAsync()");
    }

    @Override
    public String toString() {
        return "TaskGroup[" + (exited ? "exited" : exiting ? "exiting" : "entered") + (aborting ? ", aborting" : "")
                + ", tasks=" + tasks.size() + ", errors=" + errors.size() + "]";
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : new ArrayList<>(tasks)) {
            if (!t.isDone()) {
                t.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
            onCompleted.setResult(null);
        }
        if (task.isCancelled()) {
            return;
        }
        Throwable failure = task.exception();
        if (failure == null) {
            return;
        }
        errors.add(failure);
        if (parent.isDone()) {
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("message", "Task " + task + " has errored out but its parent task " + parent + " is already completed");
            ctx.put("exception", failure);
            ctx.put("task", task);
            loop.callExceptionHandler(ctx);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Cancel what the body awaits right now; exit withdraws this cancellation again.
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    /** The block's exit ({@code __aexit__}): waits for the children, then decides what to throw. */
    private final class Exit extends Coroutine<Void> {
        private final Throwable failure;
        private Throwable propagateCancellation;

        Exit(Throwable failure) {
            this.failure = failure;
        }

        @Override
        @SuppressWarnings("fallthrough") // cases fall through when an await did not suspend
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (exiting || exited) {
                            throw new IllegalStateException("TaskGroup " + TaskGroup.this + " was already exited");
                        }
                        exiting = true;
                        if (failure instanceof CancelledException) {
                            propagateCancellation = failure;
                        }
                        if (failure != null && !aborting) {
                            abort(); // the parent is being cancelled, or the body threw
                        }
                        state = 1;
                        continue;
                    case 1:
                        if (tasks.isEmpty()) {
                            state = 3;
                            continue;
                        }
                        if (onCompleted == null) {
                            onCompleted = loop.createFuture();
                        }
                        state = 2;
                        if (awaits(onCompleted)) {
                            return;
                        }
                        // fall through
                    case 2:
                        try {
                            awaited();
                        } catch (CancelledException cancelled) {
                            // The parent is cancelled (again) while we wait: cancel the children too.
                            if (!aborting) {
                                propagateCancellation = cancelled;
                                abort();
                            }
                        }
                        onCompleted = null;
                        state = 1;
                        continue;
                    case 3:
                        finish();
                        return;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }

        private void finish() throws Throwable {
            exited = true;
            if (parentCancelRequested && parent.uncancel() == 0) {
                propagateCancellation = null; // only our own cancellation was pending
            }
            if (propagateCancellation != null && errors.isEmpty()) {
                throw propagateCancellation;
            }
            if (failure != null && !(failure instanceof CancelledException)) {
                errors.add(failure);
            }
            if (!errors.isEmpty()) {
                if (parent.cancelling() > 0) {
                    // Cancelled from outside too: keep the cancel count stable, and re-arm the
                    // cancellation so that it reaches the parent's next await.
                    parent.uncancel();
                    parent.cancel();
                }
                throw new TaskGroupException(errors);
            }
            if (failure != null) {
                throw failure;
            }
            complete(null);
        }
    }
}
