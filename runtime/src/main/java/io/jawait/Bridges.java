package io.jawait;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Conversions between loop futures and {@link CompletionStage}s, in both directions. */
final class Bridges {
    private Bridges() {
    }

    /**
     * A loop future completed (on the loop's thread) when {@code stage} completes. Cancelling the
     * loop future cancels the stage's {@code CompletableFuture} where it has one.
     */
    static <T> Future<T> wrap(EventLoop loop, CompletionStage<T> stage) {
        Future<T> future = loop.createFuture();
        stage.whenComplete((value, failure) -> {
            Runnable deliver = () -> {
                if (future.isDone()) {
                    return;
                }
                if (failure == null) {
                    future.setResult(value);
                } else {
                    Throwable t = Futures.unwrap(failure);
                    if (t instanceof CancelledException c) {
                        future.cancel(c.getMessage());
                    } else {
                        future.setException(t);
                    }
                }
            };
            if (EventLoop.runningOrNull() == loop) {
                deliver.run();
            } else {
                try {
                    loop.callSoonThreadsafe(deliver);
                } catch (IllegalStateException closed) {
                    // The loop is gone; nobody awaits the outcome any more.
                }
            }
        });
        future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                try {
                    stage.toCompletableFuture().cancel(false);
                } catch (UnsupportedOperationException notSupported) {
                    // A stage without a CompletableFuture view cannot be cancelled from here.
                }
            }
        });
        return future;
    }

    /**
     * A {@link CompletableFuture} mirroring {@code future}; cancelling it cancels the future.
     * Callable from any thread: off the running loop's thread the registration goes through the
     * loop's inbox.
     */
    static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        Runnable register = () -> future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                cf.completeExceptionally(new Futures.CancelledExceptionBridge(f.cancelledException()));
                return;
            }
            Throwable failure = f.exception();
            if (failure != null) {
                cf.completeExceptionally(failure);
            } else {
                cf.complete(f.result());
            }
        });
        EventLoop loop = future.loop();
        if (loop.isRunning() && EventLoop.runningOrNull() != loop) {
            loop.callSoonThreadsafe(register); // called from another thread: register on the loop's
        } else {
            register.run();
        }
        cf.whenComplete((v, e) -> {
            if (e instanceof CancellationException && !(e instanceof Futures.CancelledExceptionBridge)) {
                cancelOnLoop(future);
            }
        });
        return cf;
    }

    /**
     * {@link Asyncio#runCoroutineThreadsafe(Coroutine, EventLoop)}: schedules a task from any
     * thread; the returned future mirrors it, and cancelling that future cancels the task.
     */
    static <T> CompletableFuture<T> runThreadsafe(Coroutine<T> coroutine, EventLoop loop) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            if (cf.isDone()) {
                coroutine.discard(); // cancelled before it could start
                return;
            }
            Task<T> task;
            try {
                task = loop.createTask(coroutine);
            } catch (RuntimeException e) {
                cf.completeExceptionally(e);
                return;
            }
            task.addDoneCallback(f -> {
                if (f.isCancelled()) {
                    cf.completeExceptionally(new Futures.CancelledExceptionBridge(f.cancelledException()));
                } else if (f.exception() != null) {
                    cf.completeExceptionally(f.exception());
                } else {
                    cf.complete(f.result());
                }
            });
            cf.whenComplete((v, e) -> {
                if (e instanceof CancellationException && !(e instanceof Futures.CancelledExceptionBridge)) {
                    cancelOnLoop(task);
                }
            });
        });
        return cf;
    }

    /** Cancels {@code future} on its loop's thread: now if we are on it, else through the inbox. */
    private static void cancelOnLoop(Future<?> future) {
        EventLoop loop = future.loop();
        if (EventLoop.runningOrNull() == loop) {
            future.cancel();
            return;
        }
        try {
            loop.callSoonThreadsafe(future::cancel);
        } catch (IllegalStateException closed) {
            // The loop is closed: nothing runs there any more.
        }
    }
}
