package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.createTask;
import static io.jawait.Asyncio.getRunningLoop;
import static io.jawait.Asyncio.sleep;
import static io.jawait.Asyncio.toThread;

import io.jawait.Coroutine;
import io.jawait.Task;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * Blocking and CPU-bound work on executors, awaited without blocking the loop: a ticker task
 * keeps ticking meanwhile. The blocking read here waits until the ticker has ticked twice, which
 * can only happen if the loop keeps running while the thread is blocked.
 */
public final class ExecutorDemo implements Demo {
    @Override
    public String name() {
        return "executor";
    }

    @Override
    public String summary() {
        return "a blocking read and a CPU-bound sum on executors while a ticker keeps ticking";
    }

    @Async
    Coroutine<Void> ticker(Console console, CountDownLatch ticks) {
        for (int i = 1; ; i++) {
            await(sleep(console.seconds(1)));
            console.println("tick " + i);
            ticks.countDown();
        }
    }

    /** Stands for a blocking call (a file, a socket, a JDBC query) that waits for the world. */
    static String blockingRead(CountDownLatch ticks) throws InterruptedException {
        if (!ticks.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the loop did not keep ticking");
        }
        return "contents of a slow file";
    }

    static long cpuBoundSum(long n) {
        return LongStream.rangeClosed(1, n).map(i -> i * i % 7).sum();
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        CountDownLatch ticks = new CountDownLatch(2);
        Task<Void> ticking = createTask(ticker(console, ticks));

        String text = await(toThread(() -> blockingRead(ticks)));
        console.println("default executor read: " + text);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long sum = await(getRunningLoop().runInExecutor(pool, () -> cpuBoundSum(5_000_000)));
            console.println("custom pool computed: " + sum);
        } finally {
            pool.shutdown();
        }
        ticking.cancel();
        return Coroutine.done();
    }
}
