package io.jawait.sample.demos;

import static io.jawait.Asyncio.await;
import static io.jawait.Asyncio.createTask;
import static io.jawait.Asyncio.gather;
import static io.jawait.Asyncio.sleep;

import io.jawait.Coroutine;
import io.jawait.Task;
import io.jawait.annotation.Async;
import io.jawait.sample.Console;
import io.jawait.sample.Demo;
import io.jawait.sync.AsyncQueue;
import io.jawait.sync.Event;
import io.jawait.sync.Held;
import io.jawait.sync.Lock;
import io.jawait.sync.Semaphore;
import java.util.ArrayList;
import java.util.List;

/** A lock, an event, a semaphore and a producer/consumer queue. */
public final class SyncDemo implements Demo {
    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String summary() {
        return "locks, events, semaphores and a producer/consumer queue";
    }

    /** The lock as asyncio's {@code async with lock:}: released when the block exits, however. */
    @Async
    Coroutine<Void> withLock(Console console, Lock lock, String who) {
        try (Held held = await(lock.hold())) {
            console.println(who + " holds the lock");
            await(sleep(console.seconds(1)));
        }
        return Coroutine.done();
    }

    @Async
    Coroutine<Void> waiter(Console console, Event event, String who) {
        await(event.waitSet());
        console.println(who + " saw the event");
        return Coroutine.done();
    }

    /** The same with acquire and release spelled out. */
    @Async
    Coroutine<Void> limited(Console console, Semaphore slots, int[] inside, int[] most, int id) {
        await(slots.acquire());
        try {
            inside[0]++;
            most[0] = Math.max(most[0], inside[0]);
            await(sleep(console.seconds(1)));
            inside[0]--;
        } finally {
            slots.release();
        }
        return Coroutine.done();
    }

    @Async
    Coroutine<Void> producer(AsyncQueue<Integer> queue, int count) {
        for (int i = 1; i <= count; i++) {
            await(queue.put(i));
        }
        return Coroutine.done();
    }

    @Async
    Coroutine<Void> consumer(AsyncQueue<Integer> queue, int[] sum) {
        while (true) {
            int item = await(queue.get());
            sum[0] += item;
            queue.taskDone();
        }
    }

    @Async
    @Override
    public Coroutine<Void> run(Console console) {
        Lock lock = new Lock();
        await(gather(withLock(console, lock, "first"), withLock(console, lock, "second")));

        Event event = new Event();
        Task<Void> a = createTask(waiter(console, event, "waiter A"));
        Task<Void> b = createTask(waiter(console, event, "waiter B"));
        await(sleep(console.seconds(1)));
        console.println("setting the event");
        event.set();
        await(gather(a, b));

        Semaphore slots = new Semaphore(2);
        int[] inside = {0};
        int[] most = {0};
        List<Coroutine<Void>> workers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            workers.add(limited(console, slots, inside, most, i));
        }
        await(gather(workers));
        console.println("semaphore(2): at most " + most[0] + " workers inside at once");

        AsyncQueue<Integer> queue = AsyncQueue.fifo(3);
        int[] sum = {0};
        Task<Void> consuming = createTask(consumer(queue, sum));
        await(producer(queue, 10));
        await(queue.join());
        consuming.cancel();
        console.println("queue: 10 items consumed, sum " + sum[0]);
        return Coroutine.done();
    }
}
