package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.createTask;
import static io.jawait.Asyncio.getRunningLoop;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Future;
import io.jawait.Task;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;

/**
 * The three kinds of awaitables: a coroutine (runs inline in the awaiting task), a task
 * (scheduled on the loop) and a future (completed by someone else), all awaited the same way.
 */
public final class AwaitablesDemo implements Demo {
    @Override
    public String name() {
        return "awaitables";
    }

    @Override
    public String summary() {
        return "a coroutine, a task and a future awaited the same way";
    }

    @Async
    Coroutine<Integer> nested(Console console) {
        await(sleep(console.seconds(1)));
        return Coroutine.of(42);
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        int fromCoroutine = await(nested(console));
        console.println("coroutine: " + fromCoroutine);

        Task<Integer> task = createTask(nested(console));
        int fromTask = await(task);
        console.println("task " + task.getName().replaceAll("\\d+", "N") + ": " + fromTask);

        EventLoop loop = getRunningLoop();
        Future<Integer> future = loop.createFuture();
        loop.callLater(console.seconds(1), () -> future.setResult(42));
        int fromFuture = await(future);
        console.println("future: " + fromFuture);
        return Coroutine.done();
    }
}
