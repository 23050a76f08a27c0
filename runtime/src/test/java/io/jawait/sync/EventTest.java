package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Event, after CPython's test_locks.EventTests. */
class EventTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final Event event = new Event();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Task<Object> waiter(String name) {
        return Script.of().await(event::waitSet).run(() -> log.add(name)).startOn(loop);
    }

    @Test
    void setWakesEveryWaiterInOrder() {
        Task<Object> a = waiter("a");
        Task<Object> b = waiter("b");
        Task<Object> c = waiter("c");
        settle(loop);
        assertEquals(List.of(), log);
        assertEquals(3, event.waiterCount());
        event.set();
        assertTrue(event.isSet());
        assertEquals(List.of(), log, "wake-ups are scheduled, not run inside set()");
        settle(loop);
        assertEquals(List.of("a", "b", "c"), log);
        assertTrue(a.isDone() && b.isDone() && c.isDone());
        assertEquals(0, event.waiterCount());
    }

    @Test
    void waitOnASetEventDoesNotSuspend() {
        event.set();
        loop.runUntilComplete(Script.of()
                .run(() -> Script.of().run(() -> log.add("other")).startOn(loop))
                .await(event::waitSet)
                .run(() -> log.add("passed")));
        settle(loop);
        assertEquals(List.of("passed", "other"), log);
    }

    @Test
    void clearMakesLaterWaitersWait() {
        event.set();
        event.clear();
        assertFalse(event.isSet());
        Task<Object> t = waiter("late");
        settle(loop);
        assertFalse(t.isDone());
        event.set();
        settle(loop);
        assertEquals(List.of("late"), log);
    }

    @Test
    void clearAfterSetStillReleasesTheWokenWaiters() {
        // CPython test_clear_with_waiters: set() then clear() before the waiters run.
        waiter("woken");
        settle(loop);
        event.set();
        event.clear();
        settle(loop);
        assertEquals(List.of("woken"), log);
        assertFalse(event.isSet());
    }

    @Test
    void cancelledWaiterLeavesWithoutTrace() {
        Task<Object> cancelled = waiter("cancelled");
        Task<Object> kept = waiter("kept");
        settle(loop);
        cancelled.cancel();
        settle(loop);
        assertTrue(cancelled.isCancelled());
        assertEquals(1, event.waiterCount());
        event.set();
        settle(loop);
        assertEquals(List.of("kept"), log);
        assertTrue(kept.isDone());
    }

    @Test
    void waiterCancelledAfterSetIsCancelled() {
        Task<Object> t = waiter("never");
        settle(loop);
        loop.callSoon(() -> {
            event.set();
            t.cancel();
        });
        settle(loop);
        assertTrue(t.isCancelled());
        assertEquals(List.of(), log);
        assertEquals(0, event.waiterCount());
    }

    @Test
    void toStringShowsStateAndWaiters() {
        waiter("a");
        settle(loop);
        assertEquals("Event[unset, waiters:1]", event.toString());
        event.set();
        settle(loop);
        assertEquals("Event[set]", event.toString());
    }

    @Test
    void cancelledWaitersAreSweptOutAsTheListGrows() {
        List<Task<Object>> cancelled = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            cancelled.add(waiter("cancelled"));
        }
        settle(loop);
        cancelled.forEach(Task::cancel);
        settle(loop);
        assertEquals(1000, event.linkedWaiters(), "not unlinked at cancellation");
        for (int i = 0; i < 100; i++) { // the list reaches its next sweep length within these
            Task<Object> t = waiter("kept");
            settle(loop);
            t.cancel();
            settle(loop);
        }
        Task<Object> kept = waiter("kept");
        settle(loop);
        assertTrue(event.linkedWaiters() <= 16, "swept: " + event.linkedWaiters());
        assertEquals(1, event.waiterCount());
        event.set();
        settle(loop);
        assertTrue(kept.isDone());
        assertEquals(List.of("kept"), log);
    }
}
