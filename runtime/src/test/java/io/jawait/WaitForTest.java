package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** waitFor with Python 3.12 semantics, modelled on CPython's test_waitfor. */
class WaitForTest {
    private final EventLoop loop = EventLoop.createVirtual();

    private Object run(Awaitable<?> c) {
        try (loop) {
            return loop.runUntilComplete(c);
        }
    }

    private static Coroutine<Object> waitFor(Awaitable<?> a, double seconds) {
        try {
            @SuppressWarnings("unchecked")
            Coroutine<Object> c = (Coroutine<Object>) Asyncio.waitFor(a, seconds);
            return c;
        } catch (TimeoutException e) {
            throw new AssertionError("waitFor itself never throws", e);
        }
    }

    @Test
    void resultWithinTheLimit() throws Exception {
        assertEquals("v", run(Asyncio.waitFor(Asyncio.sleep(1, "v"), Duration.ofSeconds(2))));
        assertEquals(1.0, loop.time(), 1e-9);
    }

    @Test
    void expiryRaisesTimeoutExceptionAtTheDeadline() {
        TimeoutException e = assertThrows(TimeoutException.class, () -> run(waitFor(Asyncio.sleep(10), 0.1)));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertEquals(0.1, loop.time(), 1e-9);
    }

    @Test
    void theCoroutineRunsInTheCallersTask() {
        Task<?>[] seen = new Task<?>[2];
        run(new Script<>().run(() -> seen[0] = Asyncio.currentTask())
                .await(() -> waitFor(new Script<>().await(() -> Asyncio.sleep(1)).run(() -> seen[1] = Asyncio.currentTask()), 5)));
        assertSame(seen[0], seen[1]);
    }

    @Test
    void waitsForTheInnerWorkToFinishCancellingFinallyAwaitsIncluded() {
        List<String> log = new ArrayList<>();
        assertThrows(TimeoutException.class, () -> run(waitFor(new Script<>()
                .await(() -> Asyncio.sleep(10))
                .andFinally(() -> new Script<>().await(() -> Asyncio.sleep(2)).run(() -> log.add("cleanup done at "
                        + Asyncio.getRunningLoop().time()))), 1)));
        assertEquals(List.of("cleanup done at 3.0"), log);
        assertEquals(3.0, loop.time(), 1e-9);
    }

    @Test
    void innerCodeThatSwallowsTheCancellationReturnsItsValue() {
        assertEquals("swallowed", run(waitFor(new Script<>()
                .await(() -> Asyncio.sleep(10))
                .onError(CancelledException.class, e -> "swallowed"), 1)));
    }

    @Test
    void anExceptionRaisedWhileCancellingReplacesTheTimeout() {
        IllegalStateException foo = new IllegalStateException("foo");
        assertSame(foo, assertThrows(IllegalStateException.class, () -> run(waitFor(new Script<>()
                .await(() -> Asyncio.sleep(10))
                .onError(CancelledException.class, e -> {
                    throw foo;
                }), 1))));
    }

    @Test
    void aTaskIsAwaitedAndCancelledOnExpiryAndWaitedFor() {
        List<String> log = new ArrayList<>();
        Task<?>[] inner = {null};
        assertThrows(TimeoutException.class, () -> run(new Script<>().awaitWith(v -> {
            inner[0] = Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(10))
                    .andFinally(() -> Asyncio.sleep(1))
                    .finallyRun(() -> log.add("inner finished")));
            return waitFor(inner[0], 2);
        })));
        assertTrue(inner[0].isCancelled());
        assertEquals(List.of("inner finished"), log);
        assertEquals(3.0, loop.time(), 1e-9);
    }

    @Test
    void zeroTimeoutReturnsTheResultOfADoneFuture() {
        assertEquals(5, run(new Script<>().awaitWith(v -> {
            Future<Integer> f = Asyncio.getRunningLoop().createFuture();
            f.setResult(5);
            return waitFor(f, 0);
        })));
    }

    @Test
    void zeroOrNegativeTimeoutNeverStartsACoroutine() {
        boolean[] started = {false};
        assertThrows(TimeoutException.class, () -> run(waitFor(new Script<>().run(() -> started[0] = true), -1)));
        assertFalse(started[0]);
    }

    @Test
    void zeroTimeoutCancelsAPendingFutureAndWaitsForIt() {
        Future<?>[] f = {null};
        assertThrows(TimeoutException.class, () -> run(new Script<>().awaitWith(v -> {
            f[0] = Asyncio.getRunningLoop().createFuture();
            return waitFor(f[0], 0);
        })));
        assertTrue(f[0].isCancelled());
    }

    @Test
    void zeroTimeoutWaitsForATaskThatFinishesCancelling() {
        List<String> log = new ArrayList<>();
        Object result = run(new Script<>().awaitWith(v -> {
            Task<Object> t = Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(10))
                    .onError(CancelledException.class, e -> "kept going")
                    .andFinally(() -> Asyncio.sleep(1)));
            return new Script<>().await(() -> Asyncio.sleep(0)).await(() -> waitFor(t, 0));
        }).finallyRun(() -> log.add("at " + Asyncio.getRunningLoop().time())));
        assertEquals("kept going", result);
        assertEquals(List.of("at 1.0"), log);
    }

    @Test
    void cancellingTheCallerIsACancellationNotATimeout() {
        Task<Object> t = loop.createTask(waitFor(Asyncio.sleep(10), 5));
        loop.callLater(1, t::cancel);
        assertThrows(CancelledException.class, () -> run(t));
        assertEquals(0, t.cancelling() - 1);
    }

    @Test
    void cancellingTheCallerDuringAZeroTimeoutWaitIsACancellation() {
        Task<Object> t = loop.createTask(new Script<>().awaitWith(v -> {
            Task<Object> slowToCancel = Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(10))
                    .andFinally(() -> Asyncio.sleep(5)));
            return new Script<>().await(() -> Asyncio.sleep(0)).await(() -> waitFor(slowToCancel, 0));
        }));
        loop.callLater(1, t::cancel);
        assertThrows(CancelledException.class, () -> run(t));
    }

    @Test
    void failureOfTheAwaitableSurfacesUnwrapped() {
        java.io.IOException io = new java.io.IOException("io");
        assertSame(io, assertThrows(java.io.IOException.class,
                () -> run(waitFor(new Script<>().await(() -> Asyncio.sleep(1)).fail(() -> io), 5))));
    }

    @Test
    void infiniteTimeoutIsAPlainAwaitAndNanIsRejected() {
        assertEquals("x", run(waitFor(Asyncio.sleep(1e5, "x"), Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class, () -> waitFor(Asyncio.sleep(1), Double.NaN));
    }

    @Test
    void awaitingAnAlreadyAwaitedCoroutineFailsAndLeavesNoTimerBehind() {
        Coroutine<Void> used = Asyncio.sleep(0);
        Object r = run(new Script<>().await(() -> used)
                .await(() -> waitFor(used, 1))
                .onError(IllegalStateException.class, e -> "refused")
                .await(() -> Asyncio.sleep(5))
                .map(v -> "not cancelled by a stale timeout"));
        assertEquals("not cancelled by a stale timeout", r);
    }
}
