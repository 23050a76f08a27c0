package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;

/** asyncio's first program: print, await a sleep, print. */
public final class HelloDemo implements Demo {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String summary() {
        return "print, await sleep, print";
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        double start = console.now();
        console.println("Hello ...");
        await(sleep(console.seconds(1)));
        console.println("... World!");
        console.elapsed("finished", start);
        return Coroutine.done();
    }
}
