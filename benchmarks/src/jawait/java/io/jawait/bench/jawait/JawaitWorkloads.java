package io.jawait.bench.jawait;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.createTask;
import static io.jawait.Asyncio.gather;
import static io.jawait.Asyncio.getRunningLoop;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.Future;
import io.jawait.Task;
import io.jawait.annotation.Async;
import io.jawait.sync.AsyncQueue;
import io.jawait.sync.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * jawait's side of each workload, written as a user would: {@code @Async} methods and
 * {@code await}, compiled by the jawait processor, run with {@code Asyncio.run}.
 */
public final class JawaitWorkloads {
    private JawaitWorkloads() {
    }

    /** W1's task: yields once, then returns {@code value}. */
    @Async
    static Coroutine<Integer> child(int value) {
        await(sleep(0));
        return Coroutine.of(value);
    }

    /** W1: spawns {@code n} tasks, gathers them and sums their results. */
    @Async
    static Coroutine<Long> spawnAndGather(int n) {
        List<Task<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(child(i)));
        }
        List<Integer> results = await(gather(tasks));
        long sum = 0;
        for (int v : results) {
            sum += v;
        }
        return Coroutine.of(sum);
    }

    /** W2's echo task: takes {@code rounds} messages from {@code in} and puts each on {@code out}. */
    @Async
    static Coroutine<Void> echo(AsyncQueue<Integer> in, AsyncQueue<Integer> out, int rounds) {
        for (int i = 0; i < rounds; i++) {
            Integer message = await(in.get());
            await(out.put(message));
        }
        return Coroutine.done();
    }

    /** W2: {@code messages} messages through two {@code AsyncQueue}s of size 1 (half each way). */
    @Async
    static Coroutine<Long> pingPong(int messages) {
        AsyncQueue<Integer> ping = AsyncQueue.fifo(1);
        AsyncQueue<Integer> pong = AsyncQueue.fifo(1);
        int rounds = messages / 2;
        Task<Void> echoTask = createTask(echo(ping, pong, rounds));
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            await(ping.put(i));
            int reply = await(pong.get());
            sum += reply;
        }
        await(echoTask);
        return Coroutine.of(sum);
    }

    /** W3: {@code n} awaits of already-done futures (a power-of-two count of them) in one loop. */
    @Async
    static Coroutine<Long> awaitDone(int slots, int n) {
        List<Future<Integer>> done = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            Future<Integer> f = getRunningLoop().createFuture();
            f.setResult(i);
            done.add(f);
        }
        int mask = slots - 1;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int v = await(done.get(i & mask));
            sum += v;
        }
        return Coroutine.of(sum);
    }

    /** W4's task: waits for {@code event}. */
    @Async
    static Coroutine<Void> waiter(Event event) {
        await(event.waitSet());
        return Coroutine.done();
    }

    /**
     * W4: {@code n} tasks suspended on one {@link Event}; {@code atPeak} runs while all of them are
     * suspended and returns the heap in use.
     */
    @Async
    static Coroutine<Long> heapWithSuspended(int n, LongSupplier atPeak) {
        Event event = new Event();
        for (int i = 0; i < n; i++) {
            createTask(waiter(event));
        }
        await(sleep(0)); // every task runs up to its await first
        long used = atPeak.getAsLong();
        event.set();
        await(sleep(0));
        return Coroutine.of(used);
    }

    /** W5: one {@code sleep} per delay (milliseconds), all gathered. */
    @Async
    static Coroutine<Void> timers(long[] delaysMillis) {
        List<Coroutine<Void>> sleepers = new ArrayList<>(delaysMillis.length);
        for (long d : delaysMillis) {
            sleepers.add(sleep(d / 1000.0));
        }
        await(gather(sleepers));
        return Coroutine.done();
    }
}
