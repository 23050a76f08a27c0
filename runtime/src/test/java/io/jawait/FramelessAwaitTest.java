package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Awaits that run no frame of their own: {@link Coroutine#defer} and {@code sleep(0)}. They must
 * behave exactly as the frames they replace: same value, same failure, same turn order, same
 * cancellation.
 */
class FramelessAwaitTest {
    private final List<String> log = new ArrayList<>();

    @Test
    void deferCallsItsSupplierOnlyWhenAwaitedAndDeliversTheValue() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<String> f = loop.createFuture();
            Coroutine<String> c = Coroutine.defer(() -> {
                log.add("started");
                return f;
            });
            assertEquals(List.of(), log, "cold until awaited");
            loop.callLater(1, () -> f.setResult("v"));
            Object[] got = new Object[1];
            loop.runUntilComplete(Script.of().await(() -> c, v -> got[0] = v));
            assertEquals(List.of("started"), log);
            assertEquals("v", got[0]);
            assertEquals(1.0, loop.time(), 1e-9);
        }
    }

    @Test
    void deferAsATaskCoroutineRunsAsAFrame() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals("x", loop.runUntilComplete(Coroutine.defer(() -> Asyncio.sleep(0.5, "x"))));
            assertEquals(0.5, loop.time(), 1e-9);
        }
    }

    @Test
    void deferPropagatesTheAwaitedFailureAndTheSupplierFailureAtTheAwait() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            IllegalStateException boom = new IllegalStateException("boom");
            Task<Object> failed = loop.createTask(Script.of().await(() -> Coroutine.defer(() -> Coroutine.failed(boom))));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertSame(boom, failed.exception());
            Task<Object> t = loop.createTask(Script.of().await(() -> Coroutine.defer(() -> {
                throw boom;
            })));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertSame(boom, t.exception());
        }
    }

    @Test
    void deferRejectsANullSupplierAndANullAwaitable() {
        assertThrows(NullPointerException.class, () -> Coroutine.defer(null));
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(Script.of().await(() -> Coroutine.defer(() -> null)));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertInstanceOf(NullPointerException.class, t.exception());
        }
    }

    @Test
    void aDeferredCoroutineCanBeAwaitedOnlyOnce() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Coroutine<Void> c = Coroutine.defer(Coroutine::done);
            Task<Object> t = loop.createTask(Script.of().await(() -> c).await(() -> c));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertInstanceOf(IllegalStateException.class, t.exception());
        }
    }

    @Test
    void cancellingATaskInADeferredWaitCancelsTheFutureItWaitsOn() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<String> f = loop.createFuture();
            Task<Object> t = loop.createTask(Script.of().await(() -> Coroutine.defer(() -> f)));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertTrue(t.cancel("stop"));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertTrue(f.isCancelled());
            assertTrue(t.isCancelled());
        }
    }

    @Test
    void sleepZeroWithAResultDeliversItAfterOneTurn() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Object[] got = new Object[1];
            loop.runUntilComplete(Script.of()
                    .run(() -> {
                        log.add("before");
                        loop.createTask(Script.of().run(() -> log.add("other")));
                    })
                    .await(() -> Asyncio.sleep(0, "r"), v -> got[0] = v)
                    .run(() -> log.add("after")));
            assertEquals(List.of("before", "other", "after"), log, "sleep(0) lets ready callbacks run first");
            assertEquals("r", got[0]);
        }
    }

    @Test
    void aTaskCancelledInSleepZeroGetsTheCancellationAtThatAwait() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(Script.of()
                    .await(() -> Asyncio.sleep(0))
                    .run(() -> log.add("ran on")));
            loop.callSoon(() -> t.cancel());
            loop.runUntilComplete(Asyncio.sleep(0));
            loop.runUntilComplete(Asyncio.sleep(0));
            assertTrue(t.isCancelled());
            assertFalse(log.contains("ran on"));
        }
    }

    @Test
    void aSleepZeroCanBeAwaitedOnlyOnce() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Coroutine<Void> s = Asyncio.sleep(0);
            Task<Object> t = loop.createTask(Script.of().await(() -> s).await(() -> s));
            loop.runUntilComplete(Asyncio.sleep(0.1));
            assertInstanceOf(IllegalStateException.class, t.exception());
        }
    }

    @Test
    void aDeferredCoroutineDescribesItselfForDiagnostics() {
        assertEquals("Coroutine.defer(...)[new]", Coroutine.defer(Coroutine::done).toString());
        assertEquals("Gate.pass()[new]", Coroutine.defer("Gate.pass()", Coroutine::done).toString());
        assertEquals("Event.waitSet()[new]", new io.jawait.sync.Event().waitSet().toString());
        assertThrows(NullPointerException.class, () -> Coroutine.defer(null, Coroutine::done));
    }

    @Test
    void cancellingATimedSleepCancelsItsTimer() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Object> t = loop.createTask(Script.of()
                    .await(() -> Asyncio.sleep(100))
                    .run(() -> log.add("woke")));
            loop.runUntilComplete(Asyncio.sleep(1));
            assertTrue(loop.toString().contains("timers=1"), loop.toString());
            t.cancel();
            loop.runUntilComplete(Asyncio.sleep(0));
            assertTrue(t.isCancelled());
            assertTrue(loop.toString().contains("timers=0"), loop.toString());
            assertEquals(List.of(), log);
        }
    }

    @Test
    void aTimedSleepAsATaskCoroutineDeliversItsResult() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals("r", loop.runUntilComplete(Asyncio.sleep(2, "r")));
            assertEquals(2.0, loop.time(), 1e-9);
            assertEquals("sleep(0.5)[new]", Asyncio.sleep(0.5).toString());
        }
    }
}
