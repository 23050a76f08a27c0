package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.gather;
import static io.jawait.Asyncio.gatherReturnExceptions;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import java.util.List;

/**
 * Three factorial tasks interleave; gather returns their results in argument order. With
 * return-exceptions, a failing task's exception takes its slot in the list.
 */
public final class GatherDemo implements Demo {
    @Override
    public String name() {
        return "gather";
    }

    @Override
    public String summary() {
        return "factorials A, B, C interleaving, results in argument order; a failure in its slot";
    }

    @Async
    Coroutine<Long> factorial(Console console, String name, int number) {
        long f = 1;
        for (int i = 2; i <= number; i++) {
            console.println("Task " + name + ": Compute factorial(" + number + "), currently i=" + i + "...");
            await(sleep(console.seconds(1)));
            f *= i;
        }
        console.println("Task " + name + ": factorial(" + number + ") = " + f);
        return Coroutine.of(f);
    }

    @Async
    Coroutine<Long> failing(Console console) {
        await(sleep(console.seconds(1)));
        throw new IllegalArgumentException("no factorial for you");
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        double start = console.now();
        List<Long> results = await(gather(factorial(console, "A", 2), factorial(console, "B", 3),
                factorial(console, "C", 4)));
        console.println("results in argument order: " + results);
        console.elapsed("gather: finished", start);

        List<Object> mixed = await(gatherReturnExceptions(factorial(console, "D", 2), failing(console)));
        console.println("with return-exceptions: " + mixed);
        return Coroutine.done();
    }
}
