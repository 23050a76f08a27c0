package io.jawait;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link Asyncio#run(Coroutine)} does around the main coroutine. */
final class Runner {
    private Runner() {
    }

    static <T> T run(EventLoop loop, Coroutine<T> main, boolean debug) {
        if (EventLoop.runningOrNull() != null) {
            loop.close();
            throw new IllegalStateException("Asyncio.run() cannot be called from a running event loop");
        }
        try {
            loop.setDebug(debug);
            return loop.runUntilComplete(loop.createTask(main));
        } finally {
            try {
                cancelRemaining(loop);
                loop.shutdownDefaultExecutor();
            } finally {
                loop.close();
            }
        }
    }

    /** Cancels tasks still pending, lets them finish, and reports their non-cancel failures. */
    private static void cancelRemaining(EventLoop loop) {
        List<Task<?>> pending = new ArrayList<>(loop.liveTasks());
        if (pending.isEmpty()) {
            return;
        }
        for (Task<?> t : pending) {
            t.cancel();
        }
        int[] left = {pending.size()};
        for (Task<?> t : pending) {
            t.addDoneCallback(f -> {
                if (--left[0] == 0) {
                    loop.stop();
                }
            });
        }
        loop.runForever();
        for (Task<?> t : pending) {
            if (t.isDone() && !t.isCancelled() && t.exception() != null) {
                Map<String, Object> ctx = new LinkedHashMap<>();
                ctx.put("message", "unhandled exception during Asyncio.run() shutdown");
                ctx.put("exception", t.exception());
                ctx.put("task", t);
                loop.callExceptionHandler(ctx);
            }
        }
    }
}
