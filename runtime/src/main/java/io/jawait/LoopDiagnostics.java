package io.jawait;

import java.lang.ref.Cleaner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs ready-queue entries, catching what they throw, and reports problems nobody else can
 * receive through the loop's exception handler: callbacks that threw, task exceptions never
 * retrieved, and (in debug mode) slow callbacks and coroutines never awaited.
 */
final class LoopDiagnostics {
    /** In debug mode, callbacks running longer than this are reported, by default (asyncio's 0.1 s). */
    static final double SLOW_CALLBACK_SECONDS = 0.1;
    private static final Cleaner CLEANER = Cleaner.create();
    /** How many loops are in debug mode right now (a closed loop leaves debug mode). */
    private static final java.util.concurrent.atomic.AtomicInteger DEBUG_LOOPS = new java.util.concurrent.atomic.AtomicInteger();

    private final EventLoop loop;
    private BiConsumer<EventLoop, Map<String, Object>> handler;
    private boolean debug;
    /** Whether this loop is included in DEBUG_LOOPS. */
    private boolean counted;
    private double slowCallbackSeconds = SLOW_CALLBACK_SECONDS;

    LoopDiagnostics(EventLoop loop) {
        this.loop = loop;
    }

    void setDebug(boolean debug) {
        this.debug = debug;
        countAsDebug(debug && !loop.isClosed());
    }

    /** The loop closed: it no longer counts for {@link #anyDebugLoop()}. */
    void loopClosed() {
        countAsDebug(false);
    }

    private void countAsDebug(boolean count) {
        if (count != counted) {
            counted = count;
            DEBUG_LOOPS.addAndGet(count ? 1 : -1);
        }
    }

    /**
     * Whether any open loop is in debug mode: lets {@link Coroutine}'s constructor skip the
     * thread-local lookup of the running loop in the common case, at the cost of one volatile read.
     */
    static boolean anyDebugLoop() {
        return DEBUG_LOOPS.get() > 0;
    }

    boolean isDebug() {
        return debug;
    }

    void setSlowCallbackSeconds(double seconds) {
        slowCallbackSeconds = seconds;
    }

    double slowCallbackSeconds() {
        return slowCallbackSeconds;
    }

    void setHandler(BiConsumer<EventLoop, Map<String, Object>> handler) {
        this.handler = handler;
    }

    /** Runs one ready entry: a Handle, a done Future's callbacks, or a Task step. */
    void run(Object item) {
        long start = debug ? System.nanoTime() : 0;
        try {
            if (item instanceof Future<?> f) {
                if (f.isDone()) {
                    f.runCallbacks();
                } else {
                    ((Task<?>) f).step();
                }
            } else {
                ((EventLoop.Handle) item).run();
            }
        } catch (Throwable e) {
            callbackFailed(item, e);
        }
        if (debug) {
            double took = (System.nanoTime() - start) / 1e9;
            if (took >= slowCallbackSeconds) {
                Map<String, Object> ctx = new LinkedHashMap<>();
                ctx.put("message", String.format("Executing %s took %.3f seconds", item, took));
                ctx.put("handle", item);
                report(ctx);
            }
        }
    }

    /**
     * Reports what a callback threw ("Exception in callback"); a VirtualMachineError other than a
     * stack overflow is rethrown instead.
     */
    void callbackFailed(Object handle, Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("message", "Exception in callback " + handle);
        ctx.put("exception", e);
        ctx.put("handle", handle);
        report(ctx);
    }

    /** Calls the handler, or prints to stderr; a failing handler is printed, never thrown. */
    void report(Map<String, Object> context) {
        BiConsumer<EventLoop, Map<String, Object>> h = handler;
        if (h != null) {
            try {
                h.accept(loop, context);
                return;
            } catch (RuntimeException e) {
                System.err.println("jawait: unhandled error in exception handler: " + e);
            }
        }
        System.err.println("jawait: " + context.get("message"));
        Object e = context.get("exception");
        if (e instanceof Throwable t) {
            t.printStackTrace();
        }
    }

    /**
     * Watches a failed future: if it is garbage collected before anyone read its exception, the
     * loop reports "exception was never retrieved". The watch holds the failure for the future.
     */
    Watch trackUnretrieved(Future<?> future, Throwable failure) {
        String what = future.toString();
        boolean isTask = future instanceof Task;
        Watch watch = new Watch(failure);
        CLEANER.register(future, () -> {
            if (!watch.retrieved && !loop.isClosed()) {
                Map<String, Object> ctx = new LinkedHashMap<>();
                ctx.put("message", (isTask ? "Task" : "Future") + " exception was never retrieved");
                ctx.put("exception", failure);
                ctx.put(isTask ? "task" : "future", what);
                deliver(ctx);
            }
        });
        return watch;
    }

    /**
     * Debug mode: watches a new coroutine; if it is garbage collected before it was awaited or
     * scheduled, the loop reports "coroutine ... was never awaited" with where it was created.
     */
    Watch trackNeverAwaited(Coroutine<?> coroutine) {
        String what = coroutine.getClass().getName();
        StackTraceElement[] createdAt = new Throwable().getStackTrace();
        Watch watch = new Watch(null);
        CLEANER.register(coroutine, () -> {
            if (!watch.retrieved && !loop.isClosed()) {
                Map<String, Object> ctx = new LinkedHashMap<>();
                ctx.put("message", "coroutine " + what + " was never awaited");
                ctx.put("coroutine", what);
                ctx.put("source_traceback", java.util.List.of(createdAt));
                deliver(ctx);
            }
        });
        return watch;
    }

    /** Reports from a cleaner thread: on the loop's thread if it is still open. */
    private void deliver(Map<String, Object> ctx) {
        try {
            loop.callSoonThreadsafe(() -> report(ctx));
        } catch (IllegalStateException closed) {
            report(ctx);
        }
    }

    /** Shared by a failed future and its cleaner: the failure, and whether anyone read it. */
    static final class Watch {
        /** The future's failure; null when watching a coroutine. */
        final Throwable failure;
        volatile boolean retrieved;

        Watch(Throwable failure) {
            this.failure = failure;
        }
    }
}
