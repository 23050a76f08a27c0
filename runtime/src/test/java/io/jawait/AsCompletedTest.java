package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** asCompleted: completion order, failures, and the deadline. */
class AsCompletedTest {
    private final EventLoop loop = EventLoop.createVirtual();

    /** Awaits every element in turn, logging "value@time" or the failure's class. */
    private static Coroutine<Object> drain(Iterable<Coroutine<Object>> elements, List<String> log) {
        Iterator<Coroutine<Object>> it = elements.iterator();
        return drainFrom(it, log);
    }

    private static Coroutine<Object> drainFrom(Iterator<Coroutine<Object>> it, List<String> log) {
        if (!it.hasNext()) {
            return Coroutine.of(null);
        }
        Coroutine<Object> next = it.next();
        return new Script<>().await(() -> next)
                .map(v -> log.add(v + "@" + Asyncio.getRunningLoop().time()))
                .onError(Exception.class, e -> log.add(e.getClass().getSimpleName() + "@" + Asyncio.getRunningLoop().time()))
                .awaitWith(v -> drainFrom(it, log));
    }

    private static List<Awaitable<Object>> work() {
        List<Awaitable<Object>> list = new ArrayList<>();
        list.add(Asyncio.sleep(3, "three"));
        list.add(new Script<>().await(() -> Asyncio.sleep(2)).fail(() -> new IllegalStateException("two")));
        list.add(Asyncio.sleep(1, "one"));
        return list;
    }

    @Test
    void yieldsOutcomesInCompletionOrder() {
        List<String> log = new ArrayList<>();
        try (loop) {
            loop.runUntilComplete(new Script<>().awaitWith(v -> drain(Asyncio.asCompleted(work()), log)));
        }
        assertEquals(List.of("one@1.0", "IllegalStateException@2.0", "three@3.0"), log);
    }

    @Test
    void timeoutRaisesAtTheNextElementAndLeavesTheRestRunning() {
        List<String> log = new ArrayList<>();
        List<Task<?>> tasks = new ArrayList<>();
        try (loop) {
            loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Task<Object> slow = Asyncio.createTask(Asyncio.sleep(3, "three"));
                tasks.add(slow);
                List<Awaitable<Object>> list = List.of(slow, Asyncio.sleep(1, "one"));
                try {
                    return drain(Asyncio.asCompleted(list, Duration.ofMillis(1500)), log);
                } catch (TimeoutException e) {
                    throw new AssertionError(e);
                }
            }));
            assertEquals(List.of("one@1.0", "TimeoutException@1.5"), log);
            assertFalse(tasks.get(0).isDone());
            loop.runUntilComplete(tasks.get(0));
        }
    }

    @Test
    void elementsAreCountedAndDuplicatesShareOne() {
        try (loop) {
            loop.runUntilComplete(new Script<>().run(() -> {
                Task<Void> t = Asyncio.createTask(Asyncio.sleep(1));
                Iterator<Coroutine<Void>> it = Asyncio.<Void>asCompleted(List.of(t, t)).iterator();
                it.next();
                assertFalse(it.hasNext());
                assertThrows(NoSuchElementException.class, it::next);
                assertFalse(Asyncio.asCompleted(List.<Awaitable<Object>>of()).iterator().hasNext());
            }));
        }
    }

    @Test
    void aCancelledWaiterPassesItsWakeUpOn() {
        List<String> log = new ArrayList<>();
        try (loop) {
            loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Task<Object> one = Asyncio.createTask(Asyncio.sleep(1, "one"));
                Iterator<Coroutine<Object>> it = Asyncio.asCompleted(List.<Awaitable<Object>>of(one, Asyncio.sleep(2, "two"))).iterator();
                Task<Object> first = Asyncio.createTask(it.next());
                Task<Object> second = Asyncio.createTask(it.next());
                // "one" finishing wakes `first`, which is cancelled in the same callback batch,
                // before it runs: its wake-up must go to `second`, and nothing is lost.
                one.addDoneCallback(f -> first.cancel());
                return new Script<>().await(() -> second).map(x -> log.add("second got " + x + "@" + Asyncio.getRunningLoop().time()))
                        .run(() -> assertTrue(first.isCancelled()));
            }));
        }
        assertEquals(List.of("second got one@1.0"), log);
    }
}
