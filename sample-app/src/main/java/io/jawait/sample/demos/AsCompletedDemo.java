package io.jawait.sample.demos;

import static io.jawait.Asyncio.asCompleted;
import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Greetings with random delays, printed in the order they complete. */
public final class AsCompletedDemo implements Demo {
    private static final List<String> NAMES = List.of("Ada", "Grace", "Barbara", "Guido", "James");

    @Override
    public String name() {
        return "as-completed";
    }

    @Override
    public String summary() {
        return "greetings with random delays, printed in completion order";
    }

    @Async
    Coroutine<String> greet(Console console, String name, int units) {
        await(sleep(console.seconds(units)));
        return Coroutine.of("Hello " + name + " (after " + units + " units)");
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        Random random = new Random(2024);
        List<Coroutine<String>> greetings = new ArrayList<>();
        for (String name : NAMES) {
            greetings.add(greet(console, name, 1 + random.nextInt(5)));
        }
        for (Coroutine<String> next : asCompleted(greetings)) {
            String greeting = await(next);
            console.println(greeting);
        }
        return Coroutine.done();
    }
}
