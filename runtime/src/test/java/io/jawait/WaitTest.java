package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Asyncio.wait in its three modes, with and without a timeout. */
class WaitTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final List<Task<Object>> tasks = new ArrayList<>();

    /** Three tasks: "a" after 1s, a failure after 2s, "c" after 3s. */
    private List<Task<Object>> startTasks() {
        tasks.add(Asyncio.createTask(Asyncio.sleep(1, "a")));
        tasks.add(Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(2)).fail(() -> new IllegalStateException("b"))));
        tasks.add(Asyncio.createTask(Asyncio.sleep(3, "c")));
        return tasks;
    }

    @SuppressWarnings("unchecked")
    private WaitResult<Object> runWait(ReturnWhen when, Duration timeout) {
        try (loop) {
            Object r = loop.runUntilComplete(new Script<>().awaitWith(v -> timeout == null
                    ? Asyncio.wait(startTasks(), when) : Asyncio.wait(startTasks(), when, timeout)));
            return (WaitResult<Object>) r;
        }
    }

    @Test
    void firstCompleted() {
        WaitResult<Object> r = runWait(ReturnWhen.FIRST_COMPLETED, null);
        assertEquals(Set.of(tasks.get(0)), r.done());
        assertEquals(Set.of(tasks.get(1), tasks.get(2)), r.pending());
        assertEquals(1.0, loop.time(), 1e-9);
        assertFalse(tasks.get(2).isCancelled());
    }

    @Test
    void firstException() {
        WaitResult<Object> r = runWait(ReturnWhen.FIRST_EXCEPTION, null);
        assertEquals(Set.of(tasks.get(0), tasks.get(1)), r.done());
        assertEquals(Set.of(tasks.get(2)), r.pending());
        assertEquals(2.0, loop.time(), 1e-9);
    }

    @Test
    void firstExceptionWithoutFailuresWaitsForAll() {
        try (loop) {
            loop.runUntilComplete(new Script<>().awaitWith(v -> Asyncio.wait(
                    List.of(Asyncio.createTask(Asyncio.sleep(1)), Asyncio.createTask(Asyncio.sleep(2))), ReturnWhen.FIRST_EXCEPTION)));
            assertEquals(2.0, loop.time(), 1e-9);
        }
    }

    @Test
    void allCompleted() {
        WaitResult<Object> r = runWait(ReturnWhen.ALL_COMPLETED, null);
        assertEquals(3, r.done().size());
        assertTrue(r.pending().isEmpty());
        assertEquals(3.0, loop.time(), 1e-9);
        assertEquals(List.copyOf(tasks), List.copyOf(r.done()));
    }

    @Test
    void timeoutNeverRaisesAndNeverCancels() {
        WaitResult<Object> r = runWait(ReturnWhen.ALL_COMPLETED, Duration.ofMillis(1500));
        assertEquals(Set.of(tasks.get(0)), r.done());
        assertEquals(2, r.pending().size());
        assertEquals(1.5, loop.time(), 1e-9);
        for (Future<Object> t : r.pending()) {
            assertFalse(t.isDone());
        }
        assertThrows(UnsupportedOperationException.class, () -> r.done().clear());
    }

    @Test
    void alreadyDoneFuturesStillYieldOnce() {
        Order order = new Order();
        try (loop) {
            loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Future<Object> f = Asyncio.getRunningLoop().createFuture();
                f.setResult(1);
                Asyncio.getRunningLoop().callSoon(() -> order.expect(1));
                return Asyncio.wait(List.of(f), ReturnWhen.ALL_COMPLETED);
            }).run(() -> order.expect(2)));
        }
        order.finish(3);
    }

    @Test
    void cancellingTheWaiterLeavesTheFuturesAlone() {
        try (loop) {
            Task<?>[] child = {null};
            Task<Object> t = loop.createTask(new Script<>().awaitWith(v -> {
                child[0] = Asyncio.createTask(Asyncio.sleep(10));
                return Asyncio.wait(List.of(child[0]), ReturnWhen.ALL_COMPLETED);
            }));
            loop.callLater(1, t::cancel);
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertFalse(child[0].isDone());
        }
    }

    @Test
    void emptyCollectionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Asyncio.wait(List.<Future<Object>>of(), ReturnWhen.ALL_COMPLETED));
        assertEquals("Set of Tasks/Futures is empty.", e.getMessage());
        loop.close();
    }
}
