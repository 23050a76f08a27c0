package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gather and gatherReturnExceptions, modelled on CPython's test_tasks gather cases. */
class GatherTest {

    private static Coroutine<Object> after(double seconds, Object value) {
        return new Script<>().await(() -> Asyncio.sleep(seconds)).map(v -> value);
    }

    private static Coroutine<Object> failAfter(double seconds, Throwable failure) {
        return new Script<>().await(() -> Asyncio.sleep(seconds)).fail(() -> failure);
    }

    @Test
    void resultsComeInArgumentOrderNotCompletionOrder() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            List<Object> results = loop.runUntilComplete(new Script<List<Object>>()
                    .await(() -> Asyncio.gather(after(3, "slow"), after(1, "fast"), Coroutine.of("now"))));
            assertEquals(List.of("slow", "fast", "now"), results);
            assertEquals(3.0, loop.time(), 1e-9);
        }
    }

    @Test
    void collectionFormAndSharedDuplicates() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            int[] runs = {0};
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Task<Object> t = Asyncio.createTask(new Script<>().run(() -> runs[0]++).map(x -> "t"));
                return Asyncio.gather(List.of(t, t, Asyncio.sleep(1, "s")));
            }));
            assertEquals(List.of("t", "t", "s"), results);
            assertEquals(1, runs[0]);
        }
    }

    @Test
    void emptyGatherIsDoneAtOnceAndDoneChildrenGiveADoneFuture() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            loop.runUntilComplete(new Script<>().run(() -> {
                Future<List<Object>> empty = Asyncio.gather();
                assertTrue(empty.isDone());
                assertEquals(List.of(), empty.result());
                Future<Integer> done = Asyncio.getRunningLoop().createFuture();
                done.setResult(4);
                Future<List<Integer>> g = Asyncio.gather(done, done);
                assertTrue(g.isDone());
                assertEquals(List.of(4, 4), g.result());
            }));
        }
    }

    @Test
    void firstFailureFailsTheOuterAtOnceWhileOthersKeepRunning() {
        IOException io = new IOException("first");
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<?>[] slow = {null};
            Object caught = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                slow[0] = Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(5)).run(() -> log.add("slow finished")));
                return Asyncio.gather(slow[0], failAfter(1, io), failAfter(2, new IOException("second")));
            }).onError(IOException.class, e -> e));
            assertSame(io, caught);
            assertEquals(1.0, loop.time(), 1e-9);
            assertFalse(slow[0].isDone());
            loop.runUntilComplete(slow[0]);
        }
        assertEquals(List.of("slow finished"), log);
    }

    @Test
    void returnExceptionsPutsFailuresAndCancellationsInTheList() {
        IOException io = new IOException("io");
        try (EventLoop loop = EventLoop.createVirtual()) {
            Object results = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Task<Void> cancelled = Asyncio.createTask(Asyncio.sleep(10));
                Asyncio.getRunningLoop().callLater(1, () -> cancelled.cancel("c"));
                return Asyncio.gatherReturnExceptions(after(2, "ok"), failAfter(1, io), cancelled);
            }));
            List<?> list = (List<?>) results;
            assertEquals("ok", list.get(0));
            assertSame(io, list.get(1));
            assertInstanceOf(CancelledException.class, list.get(2));
            assertEquals("c", ((Throwable) list.get(2)).getMessage());
            Object fromCollection = loop.runUntilComplete(new Script<>().awaitWith(v ->
                    Asyncio.gatherReturnExceptions(List.of(after(1, 1), failAfter(1, io)))));
            assertEquals(List.of(1, io), fromCollection);
        }
    }

    @Test
    void aCancelledChildFailsTheOuterWithCancelledExceptionWithoutCancellingIt() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<?>[] outer = {null};
            Object caught = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Task<Void> child = Asyncio.createTask(Asyncio.sleep(10));
                Asyncio.getRunningLoop().callLater(1, child::cancel);
                return outer[0] = Asyncio.gather(child, Asyncio.sleep(20));
            }).onError(CancelledException.class, e -> e));
            assertInstanceOf(CancelledException.class, caught);
            assertFalse(outer[0].isCancelled());
            assertInstanceOf(CancelledException.class, outer[0].exception());
        }
    }

    @Test
    void cancellingTheOuterCancelsEveryChildAndEndsCancelledEvenWithReturnExceptions() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<?>[] children = new Task<?>[2];
            Future<?>[] outer = {null};
            Task<Object> main = loop.createTask(new Script<>().awaitWith(v -> {
                children[0] = Asyncio.createTask(Asyncio.sleep(10));
                children[1] = Asyncio.createTask(Asyncio.sleep(20));
                outer[0] = Asyncio.gatherReturnExceptions(children[0], children[1]);
                Asyncio.getRunningLoop().callLater(1, () -> assertTrue(outer[0].cancel("stop")));
                return outer[0];
            }));
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(main));
            assertTrue(children[0].isCancelled());
            assertTrue(children[1].isCancelled());
            assertFalse(outer[0].cancel());
            assertEquals(1.0, loop.time(), 1e-9);
        }
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheChildren() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<?>[] child = {null};
            Task<Object> main = loop.createTask(new Script<>().awaitWith(v -> {
                child[0] = Asyncio.createTask(Asyncio.sleep(10));
                return Asyncio.gather(child[0]);
            }));
            loop.callLater(1, main::cancel);
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(main));
            assertTrue(main.isCancelled());
            assertTrue(child[0].isCancelled());
        }
    }

    @Test
    void coroutinesNeedARunningLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Asyncio.gather(Asyncio.sleep(1)));
        assertEquals("no running event loop", e.getMessage());
    }
}
