package io.jawait;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking work off the loop and brings its outcome back to the loop's thread
 * ({@code run_in_executor}). Also counts work in flight, so a virtual-time loop waits for it
 * instead of jumping over it.
 */
final class ExecutorBridge {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final EventLoop loop;
    private Executor defaultExecutor;
    private boolean ownsDefault;
    private final AtomicInteger inFlight = new AtomicInteger();

    ExecutorBridge(EventLoop loop) {
        this.loop = loop;
    }

    boolean hasWorkInFlight() {
        return inFlight.get() > 0;
    }

    synchronized void setDefault(Executor executor) {
        defaultExecutor = executor;
        ownsDefault = false;
    }

    /** The default executor: a daemon pool of {@code min(32, cpus + 4)} threads, made lazily. */
    synchronized Executor defaultExecutor() {
        if (defaultExecutor == null) {
            int n = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "jawait-executor-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
            defaultExecutor = pool;
            ownsDefault = true;
        }
        return defaultExecutor;
    }

    <T> Future<T> submit(Executor executor, Callable<T> fn) {
        Executor ex = executor != null ? executor : defaultExecutor();
        Future<T> future = loop.createFuture();
        FutureTask<T> job = new FutureTask<>(fn) {
            @Override
            protected void done() {
                // Post the outcome before the work stops counting as in flight, so that a
                // virtual-time loop never jumps ahead between the two.
                try {
                    loop.callSoonThreadsafe(() -> deliver(this, future));
                } catch (IllegalStateException closedLoop) {
                    // The loop closed meanwhile: nobody is left to receive the outcome.
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
        future.addDoneCallback(f -> {
            if (f.isCancelled()) {
                job.cancel(false);
            }
        });
        inFlight.incrementAndGet();
        try {
            ex.execute(job);
        } catch (RuntimeException rejected) {
            inFlight.decrementAndGet();
            future.setException(rejected);
        }
        return future;
    }

    private static <T> void deliver(FutureTask<T> job, Future<T> future) {
        if (future.isDone()) {
            return;
        }
        if (job.isCancelled()) {
            future.cancel();
            return;
        }
        try {
            future.setResult(job.get());
        } catch (java.util.concurrent.ExecutionException e) {
            future.setException(e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            future.cancel();
        }
    }

    synchronized void shutdownDefault(boolean wait) {
        if (ownsDefault && defaultExecutor instanceof ExecutorService es) {
            es.shutdown();
            if (wait) {
                try {
                    es.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            defaultExecutor = null;
            ownsDefault = false;
        }
    }
}
