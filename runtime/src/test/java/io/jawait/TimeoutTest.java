package io.jawait;

import static io.jawait.Blocks.using;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Timeout, modelled on CPython's test_timeouts, on virtual time. */
class TimeoutTest {
    private final EventLoop loop = EventLoop.createVirtual();

    private Object run(Awaitable<?> c) {
        try (loop) {
            return loop.runUntilComplete(c);
        }
    }

    @Test
    void expiryRaisesTimeoutExceptionCausedByTheCancellation() {
        Timeout[] cm = {null};
        TimeoutException e = assertThrows(TimeoutException.class,
                () -> run(using(() -> cm[0] = Asyncio.timeout(1), t -> Asyncio.sleep(10))));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertTrue(cm[0].expired());
        assertEquals(1.0, loop.time(), 1e-9);
        assertEquals(1.0, cm[0].when(), 1e-9);
    }

    @Test
    void theTaskIsNotLeftCancelledAfterATimeout() {
        // CPython test_outer_task_is_not_cancelled: the timeout withdraws its own cancellation.
        Task<Object> task = loop.createTask(new Script<>()
                .await(() -> using(() -> Asyncio.timeout(1), t -> Asyncio.sleep(10)))
                .onError(TimeoutException.class, e -> Asyncio.currentTask().cancelling())
                .await(() -> Asyncio.sleep(1, "awaits work again")));
        assertEquals("awaits work again", run(task));
        assertFalse(task.isCancelled());
        assertEquals(0, task.cancelling());
    }

    @Test
    void timeoutAtUsesLoopTime() {
        Timeout[] cm = {null};
        assertThrows(TimeoutException.class, () -> run(new Script<>().await(() -> Asyncio.sleep(2))
                .await(() -> using(() -> cm[0] = Asyncio.timeoutAt(3), t -> Asyncio.sleep(10)))));
        assertEquals(3.0, loop.time(), 1e-9);
        assertTrue(cm[0].toString().contains("expired"), cm[0].toString());
    }

    @Test
    void notExpiredWhenTheBodyFinishesInTime() {
        Timeout[] cm = {null};
        assertEquals("v", run(using(() -> cm[0] = Asyncio.timeout(java.time.Duration.ofSeconds(10)), t -> Asyncio.sleep(1, "v"))));
        assertFalse(cm[0].expired());
        assertEquals(1.0, loop.time(), 1e-9);
        assertTrue(cm[0].toString().contains("finished"), cm[0].toString());
    }

    @Test
    void infiniteDeadlineNeverFires() {
        Timeout[] cm = {null};
        assertEquals("late", run(using(() -> cm[0] = Asyncio.timeout(Double.POSITIVE_INFINITY), t -> Asyncio.sleep(1e6, "late"))));
        assertFalse(cm[0].expired());
    }

    @Test
    void zeroOrPastDeadlineFiresOnTheNextIterationEvenForSleepZero() {
        assertThrows(TimeoutException.class, () -> run(using(() -> Asyncio.timeout(0), t -> Asyncio.sleep(0))));
        assertEquals(0.0, loop.time(), 1e-9);
    }

    @Test
    void pastDeadlineWithSleepZero() {
        assertThrows(TimeoutException.class, () -> run(using(() -> Asyncio.timeout(-11), t -> Asyncio.sleep(0))));
    }

    @Test
    void bodyThatNeverSuspendsIsNotInterrupted() {
        Timeout[] cm = {null};
        assertEquals("quick", run(using(() -> cm[0] = Asyncio.timeout(0), t -> Coroutine.of("quick"))));
        assertFalse(cm[0].expired());
    }

    @Test
    void foreignExceptionPassesThrough() {
        ArithmeticException boom = new ArithmeticException("/ by zero");
        Timeout[] cm = {null};
        assertSame(boom, assertThrows(ArithmeticException.class,
                () -> run(using(() -> cm[0] = Asyncio.timeout(10), t -> new Script<>().await(() -> Asyncio.sleep(1)).fail(() -> boom)))));
        assertFalse(cm[0].expired());
    }

    @Test
    void foreignCancelIsNotATimeout() {
        Timeout[] cm = {null};
        Task<Object> task = loop.createTask(using(() -> cm[0] = Asyncio.timeout(10), t -> Asyncio.sleep(5)));
        loop.callLater(1, task::cancel);
        assertThrows(CancelledException.class, () -> run(task));
        assertFalse(cm[0].expired());
    }

    @Test
    void outerCancellationAfterExpiryStillPropagatesAsCancellation() {
        // The deadline passes and someone else cancels the task in the same iteration: the
        // cancel count stays above the level at entry, so the cancellation is not converted.
        Timeout[] cm = {null};
        Task<Object> task = loop.createTask(using(() -> cm[0] = Asyncio.timeout(1), t -> Asyncio.sleep(5)));
        loop.callLater(1, task::cancel);
        assertThrows(CancelledException.class, () -> run(task));
        assertTrue(cm[0].expired());
    }

    @Test
    void nestedTimeoutsRaiseOnlyForTheOneThatExpired() {
        Timeout[] outer = {null};
        Timeout[] inner = {null};
        List<String> log = new ArrayList<>();
        // Inner (1s) expires inside outer (10s): the inner block raises, the outer goes on.
        Object result = run(using(() -> outer[0] = Asyncio.timeout(10), o -> new Script<>()
                .await(() -> using(() -> inner[0] = Asyncio.timeout(1), i -> Asyncio.sleep(5)))
                .onError(TimeoutException.class, e -> {
                    log.add("inner timed out at " + Asyncio.getRunningLoop().time());
                    return null;
                })
                .await(() -> Asyncio.sleep(2, "outer body finished"))));
        assertEquals("outer body finished", result);
        assertTrue(inner[0].expired());
        assertFalse(outer[0].expired());
        assertEquals(List.of("inner timed out at 1.0"), log);
    }

    @Test
    void nestedTimeoutsOuterExpiryPassesThroughTheInnerBlockAsCancellation() {
        Timeout[] outer = {null};
        Timeout[] inner = {null};
        List<String> log = new ArrayList<>();
        assertThrows(TimeoutException.class, () -> run(using(() -> outer[0] = Asyncio.timeout(1), o -> new Script<>()
                .await(() -> using(() -> inner[0] = Asyncio.timeout(10), i -> Asyncio.sleep(5)))
                .onError(Throwable.class, e -> {
                    log.add(e.getClass().getSimpleName());
                    throw Futures.sneakyThrow(e);
                }))));
        assertEquals(List.of("CancelledException"), log);
        assertFalse(inner[0].expired());
        assertTrue(outer[0].expired());
    }

    @Test
    void bothExpiringTogetherOnlyTheOuterRaises() {
        // Same deadline: the outer was entered first, so its callback cancels first; the inner
        // one then finds the task already cancelled. Like CPython, the inner raises TimeoutError
        // only if the cancel count came back to its entry level, which it does not.
        Timeout[] outer = {null};
        Timeout[] inner = {null};
        assertThrows(TimeoutException.class, () -> run(using(() -> outer[0] = Asyncio.timeout(1),
                o -> using(() -> inner[0] = Asyncio.timeout(1), i -> Asyncio.sleep(5)))));
        assertTrue(outer[0].expired());
        assertTrue(inner[0].expired());
    }

    @Test
    void timeoutAfterASwallowedCancellationStillTimesOut() {
        // CPython test_timeout_after_cancellation: cancelling() is 1 at entry.
        assertThrows(TimeoutException.class, () -> run(new Script<>()
                .run(() -> Asyncio.currentTask().cancel())
                .await(() -> Asyncio.sleep(1))
                .onError(CancelledException.class, e -> null)
                .await(() -> using(() -> Asyncio.timeout(0), t -> Asyncio.sleep(1)))));
    }

    @Test
    void cancelInsideATimeoutAfterASwallowedCancellationIsACancellation() {
        // CPython test_cancel_in_timeout_after_cancellation.
        assertThrows(CancelledException.class, () -> run(new Script<>()
                .run(() -> Asyncio.currentTask().cancel())
                .await(() -> Asyncio.sleep(1))
                .onError(CancelledException.class, e -> null)
                .await(() -> using(() -> Asyncio.timeout(1), t -> new Script<>()
                        .run(() -> Asyncio.currentTask().cancel())
                        .await(() -> Asyncio.sleep(2))))));
    }

    @Test
    void bodyThatSwallowsTheExpiryCompletesNormally() {
        Timeout[] cm = {null};
        Object result = run(using(() -> cm[0] = Asyncio.timeout(1), t -> new Script<>()
                .await(() -> Asyncio.sleep(5))
                .onError(CancelledException.class, e -> "swallowed")));
        assertEquals("swallowed", result);
        assertTrue(cm[0].expired());
    }

    @Test
    void rescheduleMovesTheDeadline() {
        Timeout[] cm = {null};
        List<Double> whens = new ArrayList<>();
        assertThrows(TimeoutException.class, () -> run(using(() -> cm[0] = Asyncio.timeout(1), t -> new Script<>()
                .run(() -> {
                    t.reschedule(3);
                    whens.add(t.when());
                })
                .await(() -> Asyncio.sleep(10)))));
        assertEquals(List.of(3.0), whens);
        assertEquals(3.0, loop.time(), 1e-9);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cm[0].reschedule(5));
        assertEquals("Cannot change state of expired Timeout", e.getMessage());
    }

    @Test
    void rescheduleToInfinityDisablesAndTheTaskCanStillBeCancelled() {
        // CPython test_timeout_reschedule.
        Timeout[] cm = {null};
        Task<Object> task = loop.createTask(using(() -> cm[0] = Asyncio.timeoutAt(10), t -> Asyncio.sleep(50)));
        loop.callLater(1, () -> {
            assertEquals(10.0, cm[0].when());
            cm[0].reschedule(30);
            assertEquals(30.0, cm[0].when());
            cm[0].reschedule(Double.POSITIVE_INFINITY);
            assertEquals(Double.POSITIVE_INFINITY, cm[0].when());
        });
        loop.callLater(40, task::cancel);
        assertThrows(CancelledException.class, () -> run(task));
        assertFalse(cm[0].expired());
        assertEquals(40.0, loop.time(), 1e-9);
        assertThrows(IllegalStateException.class, () -> cm[0].reschedule(50));
    }

    @Test
    void rescheduleIntoThePastFiresOnTheNextIteration() {
        assertThrows(TimeoutException.class, () -> run(using(() -> Asyncio.timeout(100), t -> new Script<>()
                .await(() -> Asyncio.sleep(1))
                .run(() -> t.reschedule(0))
                .await(() -> Asyncio.sleep(10)))));
        assertEquals(1.0, loop.time(), 1e-9);
    }

    @Test
    void misuse() {
        try (loop) {
            IllegalStateException outside = assertThrows(IllegalStateException.class, () -> Asyncio.timeout(1));
            assertEquals("no running event loop", outside.getMessage());
            assertThrows(IllegalStateException.class, () -> Asyncio.timeoutAt(1));
            loop.runUntilComplete(new Script<>().run(() -> {
                assertThrows(IllegalArgumentException.class, () -> Asyncio.timeout(Double.NaN));
                Timeout t = Asyncio.timeout(1);
                assertThrows(IllegalStateException.class, t::close);
                assertThrows(IllegalArgumentException.class, () -> t.reschedule(Double.NaN));
            }).awaitWith(v -> {
                Timeout t = Asyncio.timeout(1);
                return new Script<>().await(t::closeAsync).await(t::closeAsync);
            }).onError(IllegalStateException.class, e -> {
                assertTrue(e.getMessage().contains("already left"), e.getMessage());
                return null;
            }));
        }
    }

    @Test
    void timeoutOutsideATaskButInsideARunningLoopIsRejected() {
        try (loop) {
            Throwable[] e = {null};
            loop.callSoon(() -> e[0] = assertThrows(IllegalStateException.class, () -> Asyncio.timeout(1)));
            loop.runUntilComplete(Asyncio.sleep(1));
            assertEquals("Timeout should be used inside a task", e[0].getMessage());
        }
    }
}
