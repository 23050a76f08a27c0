package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.sleep;
import static io.jawait.Asyncio.waitFor;

import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import java.util.concurrent.TimeoutException;

/** A coroutine that outlives its timeout is cancelled; the caller catches TimeoutException. */
public final class WaitForDemo implements Demo {
    @Override
    public String name() {
        return "wait-for";
    }

    @Override
    public String summary() {
        return "a task outliving its timeout is cancelled and the caller catches TimeoutException";
    }

    @Async
    Coroutine<String> eternity(Console console) {
        try {
            await(sleep(3600));
            return Coroutine.of("yay!");
        } catch (CancelledException e) {
            console.println("eternity: cancelled, cleaning up");
            throw e;
        }
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        double start = console.now();
        try {
            String never = await(waitFor(eternity(console), console.seconds(1)));
            console.println("unexpected: " + never);
        } catch (TimeoutException e) {
            console.println("timeout!");
        }
        console.elapsed("wait-for: gave up", start);
        return Coroutine.done();
    }
}
