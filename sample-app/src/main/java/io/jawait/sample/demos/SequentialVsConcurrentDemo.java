package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.createTask;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.Task;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;

/**
 * Awaiting two coroutines one after the other takes the sum of their times (5 units); creating
 * them as tasks first runs them concurrently (3 units).
 */
public final class SequentialVsConcurrentDemo implements Demo {
    @Override
    public String name() {
        return "sequential-vs-concurrent";
    }

    @Override
    public String summary() {
        return "two waits of 3 and 2 units: awaited in turn (5 units) vs as tasks (3 units)";
    }

    @Async
    Coroutine<Void> sayAfter(Console console, double units, String what) {
        await(sleep(console.seconds(units)));
        console.println(what);
        return Coroutine.done();
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        double start = console.now();
        await(sayAfter(console, 3, "hello"));
        await(sayAfter(console, 2, "world"));
        console.elapsed("sequential: finished", start);

        start = console.now();
        Task<Void> first = createTask(sayAfter(console, 3, "hello"));
        Task<Void> second = createTask(sayAfter(console, 2, "world"));
        await(first);
        await(second);
        console.elapsed("concurrent: finished", start);
        return Coroutine.done();
    }
}
