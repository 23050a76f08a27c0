package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * gather's sharing of repeated children without hashing every child: repeats far apart, repeated
 * coroutines, and children that carry callbacks of their own.
 */
class GatherDuplicatesTest {

    @Test
    void aPendingFutureRepeatedFarApartIsWatchedOnce() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Future<String> a = Asyncio.getRunningLoop().createFuture();
                Future<String> b = Asyncio.getRunningLoop().createFuture();
                Asyncio.getRunningLoop().callLater(1, () -> a.setResult("a"));
                Asyncio.getRunningLoop().callLater(2, () -> b.setResult("b"));
                return Asyncio.gather(a, b, a, b, a);
            }));
            assertEquals(List.of("a", "b", "a", "b", "a"), results);
            assertEquals(2.0, loop.time(), 1e-9);
        }
    }

    @Test
    void aRepeatedChildWithOtherCallbacksIsStillWatchedOnce() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            List<String> seen = new ArrayList<>();
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Future<String> a = Asyncio.getRunningLoop().createFuture();
                a.addDoneCallback(f -> seen.add("user"));
                Asyncio.getRunningLoop().callLater(1, () -> a.setResult("a"));
                Future<List<String>> g = Asyncio.gather(a, a);
                a.addDoneCallback(f -> seen.add("user2"));
                return g;
            }));
            assertEquals(List.of("a", "a"), results);
            assertEquals(List.of("user", "user2"), seen);
        }
    }

    @Test
    void aCoroutineGivenTwiceRunsOnceAsOneTask() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            int[] runs = {0};
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Coroutine<Object> once = new Script<>().await(() -> Asyncio.sleep(1)).run(() -> runs[0]++).map(x -> "c");
                Coroutine<Object> other = new Script<>().map(x -> "o");
                return Asyncio.gather(once, other, once, Coroutine.of("d"), once);
            }));
            assertEquals(List.of("c", "o", "c", "d", "c"), results);
            assertEquals(1, runs[0]);
        }
    }

    @Test
    void aRepeatedCoroutineAfterManyOthersFindsItsTask() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                List<Coroutine<Integer>> children = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    children.add(Coroutine.of(i));
                }
                children.add(children.get(7));
                children.add(children.get(0));
                return Asyncio.gather(children);
            }));
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add(i);
            }
            expected.add(7);
            expected.add(0);
            assertEquals(expected, results);
        }
    }

    @Test
    void aCoroutineAwaitedElsewhereStillFails() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            loop.runUntilComplete(new Script<>().run(() -> {
                Coroutine<Object> used = new Script<>().map(x -> "u");
                Asyncio.createTask(used);
                Coroutine<Object> fresh = new Script<>().map(x -> "f");
                assertThrows(IllegalStateException.class, () -> Asyncio.gather(fresh, used));
                assertThrows(IllegalStateException.class, () -> Asyncio.gather(Coroutine.of(1), fresh));
            }));
        }
    }

    @Test
    void doneAndPendingRepeatsMixed() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Future<Integer> done = Asyncio.getRunningLoop().createFuture();
                done.setResult(1);
                Future<Integer> pending = Asyncio.getRunningLoop().createFuture();
                Asyncio.getRunningLoop().callSoon(() -> pending.setResult(2));
                Future<List<Integer>> g = Asyncio.gather(done, pending, done, pending);
                assertTrue(!g.isDone());
                return g;
            }));
            assertEquals(List.of(1, 2, 1, 2), results);
        }
    }
}
