package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tasks: scheduling, cancellation at every kind of suspension, misuse. */
class TaskTest {

    /** Runs a task awaiting {@code suspension}, cancels it at t=1, and checks it saw the cancellation there. */
    private static void assertCancelledAt(Supplier<? extends Awaitable<?>> suspension) {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(new Script<>()
                    .await(suspension)
                    .run(() -> log.add("not cancelled"))
                    .onError(CancelledException.class, e -> {
                        log.add("caught " + e.getMessage());
                        throw e;
                    })
                    .finallyRun(() -> log.add("finally")));
            loop.callLater(1, () -> t.cancel("msg"));
            CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertEquals("msg", e.getMessage());
            assertTrue(t.isCancelled());
            assertEquals(1.0, loop.time(), 1e-9);
        }
        assertEquals(List.of("caught msg", "finally"), log);
    }

    @Test
    void cancelWhileAwaitingASleep() {
        assertCancelledAt(() -> Asyncio.sleep(10));
    }

    @Test
    void cancelWhileAwaitingAPendingFuture() {
        assertCancelledAt(() -> Asyncio.getRunningLoop().createFuture());
    }

    @Test
    void cancelWhileAwaitingAnotherTaskCancelsThatTaskToo() {
        Task<?>[] inner = {null};
        assertCancelledAt(() -> inner[0] = Asyncio.createTask(Asyncio.sleep(10)));
        assertTrue(inner[0].isCancelled());
    }

    @Test
    void cancelWhileAwaitingANestedCoroutineChain() {
        assertCancelledAt(() -> new Script<>().await(() -> new Script<>().await(() -> Asyncio.sleep(10))));
    }

    @Test
    void cancelWhileAwaitingACompletionStage() {
        CompletableFuture<Object> stage = new CompletableFuture<>();
        assertCancelledAt(() -> Asyncio.wrapFuture(stage));
        assertTrue(stage.isCancelled());
    }

    @Test
    void cancelWhileAwaitingGather() {
        assertCancelledAt(() -> Asyncio.gather(Asyncio.sleep(10), Asyncio.sleep(20)));
    }

    @Test
    void cancelWhileAwaitingWaitForIsACancellation() {
        assertCancelledAt(() -> {
            try {
                return Asyncio.waitFor(Asyncio.sleep(10), 100);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void cancelInsideATimeoutBlock() {
        assertCancelledAt(() -> Blocks.using(() -> Asyncio.timeout(100), t -> Asyncio.sleep(10)));
    }

    @Test
    void cancelWhileAwaitingWait() {
        assertCancelledAt(() -> Asyncio.wait(List.of(Asyncio.createTask(Asyncio.sleep(10))), ReturnWhen.ALL_COMPLETED));
    }

    @Test
    void cancelWhileAwaitingAnAsCompletedElement() {
        assertCancelledAt(() -> Asyncio.asCompleted(List.of(Asyncio.sleep(10))).iterator().next());
    }

    @Test
    void cancelWhileAwaitingAShield() {
        assertCancelledAt(() -> Asyncio.shield(Asyncio.sleep(10)));
    }

    @Test
    void cancelWhileATaskGroupWaitsForItsChildren() {
        Task<?>[] child = {null};
        assertCancelledAt(() -> Blocks.using(TaskGroup::open, tg -> {
            child[0] = tg.createTask(Asyncio.sleep(10));
            return Coroutine.done();
        }));
        assertTrue(child[0].isCancelled());
    }

    @Test
    void cancelWhileYieldingIsDeliveredAtTheNextStep() {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(new Script<>()
                    .run(() -> Asyncio.currentTask().cancel("self"))
                    .await(() -> Asyncio.sleep(0))
                    .run(() -> log.add("not cancelled"))
                    .onError(CancelledException.class, e -> log.add("caught " + e.getMessage())));
            assertEquals(true, loop.runUntilComplete(t));
            assertFalse(t.isCancelled());
        }
        assertEquals(List.of("caught self"), log);
    }

    @Test
    void selfCancelThenAwaitingAPendingFutureCancelsThatAwaitAtOnce() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(new Script<>()
                    .run(() -> Asyncio.currentTask().cancel())
                    .await(() -> Asyncio.sleep(100)));
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertEquals(0.0, loop.time(), 1e-9);
        }
    }

    @Test
    void swallowedCancellationLetsTheTaskFinishNormallyAndLaterAwaitsWork() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(new Script<>()
                    .await(() -> Asyncio.sleep(10))
                    .onError(CancelledException.class, e -> "swallowed")
                    .andFinally(() -> Asyncio.sleep(5)));
            loop.callLater(1, t::cancel);
            assertEquals("swallowed", loop.runUntilComplete(t));
            assertEquals(6.0, loop.time(), 1e-9);
            assertEquals(1, t.cancelling());
        }
    }

    @Test
    void cancellingAndUncancelCountRequests() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Void> t = loop.createTask(Asyncio.sleep(1));
            assertEquals(0, t.cancelling());
            assertTrue(t.cancel());
            assertTrue(t.cancel());
            assertEquals(2, t.cancelling());
            assertEquals(1, t.uncancel());
            assertEquals(0, t.uncancel());
            assertEquals(0, t.uncancel());
            // Back to zero before the first step: the cancellation is withdrawn.
            assertNull(loop.runUntilComplete(t));
            assertFalse(t.cancel());
        }
    }

    @Test
    void taskNotStartedAndCancelledNeverRunsAndCancelReturnsFalseWhenDone() {
        boolean[] ran = {false};
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(new Script<>().run(() -> ran[0] = true));
            assertTrue(t.cancel());
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertFalse(t.cancel());
        }
        assertFalse(ran[0]);
    }

    @Test
    void firstStepRunsLaterNeverInsideCreateTask() {
        Order order = new Order();
        try (EventLoop loop = EventLoop.createVirtual()) {
            loop.runUntilComplete(new Script<>().run(() -> {
                order.expect(1);
                Asyncio.createTask(new Script<>().run(() -> order.expect(3)));
                order.expect(2);
            }).await(() -> Asyncio.sleep(0)).run(() -> order.expect(4)));
        }
        order.finish(5);
    }

    @Test
    void taskAwaitingItselfGetsIllegalStateExceptionAtThatAwait() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(new Script<>()
                    .awaitWith(v -> Asyncio.currentTask())
                    .onError(IllegalStateException.class, Throwable::getMessage));
            String message = (String) loop.runUntilComplete(t);
            assertTrue(message.startsWith("Task cannot await on itself"), message);
        }
    }

    @Test
    void awaitingACoroutineTwiceIsRejected() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Coroutine<Void> once = Asyncio.sleep(0);
            Coroutine<Object> c = new Script<>().await(() -> once).await(() -> once);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(c));
            assertTrue(e.getMessage().contains("can be awaited only once"), e.getMessage());
            Coroutine<Void> scheduled = Asyncio.sleep(0);
            loop.createTask(scheduled);
            assertThrows(IllegalStateException.class, () -> loop.createTask(scheduled));
        }
    }

    @Test
    void awaitingAFutureOfAnotherLoopIsRejected() {
        try (EventLoop loop = EventLoop.createVirtual(); EventLoop other = EventLoop.createVirtual()) {
            Future<Object> foreign = other.createFuture();
            Coroutine<Object> c = new Script<>().await(() -> foreign);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(c));
            assertTrue(e.getMessage().contains("different loop"), e.getMessage());
        }
    }

    @Test
    void failuresSurfaceUnwrappedThroughChainsOfAwaits() {
        java.io.IOException io = new java.io.IOException("deep");
        try (EventLoop loop = EventLoop.createVirtual()) {
            Coroutine<Object> deep = new Script<>().await(() -> Asyncio.sleep(1)).fail(() -> io);
            Coroutine<Object> middle = new Script<>().await(() -> Asyncio.createTask(deep));
            Coroutine<Object> top = new Script<>().await(() -> middle).onError(java.io.IOException.class, e -> e);
            assertSame(io, loop.runUntilComplete(top));
        }
    }

    @Test
    void namesCurrentTaskAndAllTasks() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertNull(Asyncio.currentTask());
            Task<Void> sleeper = loop.createTask(Asyncio.sleep(5), "sleeper");
            assertEquals("sleeper", sleeper.getName());
            sleeper.setName("renamed");
            assertEquals("renamed", sleeper.getName());
            Task<Object> main = loop.createTask(new Script<>().map(v -> {
                Set<Task<?>> all = Asyncio.allTasks();
                assertSame(Asyncio.currentTask(), all.stream().filter(t -> t != sleeper).findFirst().orElseThrow());
                return all.size();
            }));
            assertTrue(main.getName().startsWith("Task-"));
            assertEquals(2, loop.runUntilComplete(main));
            loop.runUntilComplete(sleeper);
            assertTrue(main.toString().contains(main.getName()));
        }
        assertThrows(IllegalStateException.class, Asyncio::allTasks);
    }

    @Test
    void taskRefusesSetResultAndSetException() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Void> t = loop.createTask(Asyncio.sleep(0));
            assertThrows(UnsupportedOperationException.class, () -> t.setResult(null));
            assertThrows(UnsupportedOperationException.class, () -> t.setException(new RuntimeException()));
            loop.runUntilComplete(t);
        }
    }

    @Test
    void cancellingAFutureWakesTheTaskWithItsMessage() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Object> f = loop.createFuture();
            loop.callLater(1, () -> f.cancel("gone"));
            Object caught = loop.runUntilComplete(new Script<>().await(() -> f).onError(CancelledException.class, e -> e));
            assertInstanceOf(CancelledException.class, caught);
            assertEquals("gone", ((CancelledException) caught).getMessage());
        }
    }
}
