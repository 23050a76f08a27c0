package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.CancelledException;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lock, after CPython's test_locks.LockTests. */
class LockTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final Lock lock = new Lock();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A task that acquires the lock, logs {@code name}, and keeps the lock. */
    private Task<Object> acquirer(String name) {
        return Script.of().await(lock::acquire).run(() -> log.add(name)).startOn(loop);
    }

    @Test
    void acquiringAFreeLockDoesNotSuspend() {
        // A task scheduled just before the acquire would run first if acquire() yielded.
        loop.runUntilComplete(Script.of()
                .run(() -> Script.of().run(() -> log.add("other")).startOn(loop))
                .await(lock::acquire)
                .run(() -> log.add("acquired")));
        settle(loop);
        assertEquals(List.of("acquired", "other"), log);
        assertTrue(lock.locked());
    }

    @Test
    void waitersAcquireInFifoOrder() {
        loop.runUntilComplete(Script.of().await(lock::acquire));
        Task<Object> t1 = acquirer("1");
        Task<Object> t2 = acquirer("2");
        Task<Object> t3 = acquirer("3");
        settle(loop);
        assertEquals(List.of(), log);
        assertEquals(3, lock.waiterCount());

        lock.release();
        settle(loop);
        assertEquals(List.of("1"), log);
        assertTrue(t1.isDone());
        assertFalse(t2.isDone());

        lock.release();
        settle(loop);
        lock.release();
        settle(loop);
        assertEquals(List.of("1", "2", "3"), log);
        assertTrue(t3.isDone());
        assertTrue(lock.locked());
        assertEquals(0, lock.waiterCount());
    }

    @Test
    void newcomerWaitsBehindAWokenWaiter() {
        loop.runUntilComplete(Script.of().await(lock::acquire));
        acquirer("waiter");
        settle(loop);
        loop.runUntilComplete(Script.of()
                .run(() -> {
                    lock.release();
                    acquirer("newcomer"); // starts before the woken waiter resumes
                }));
        settle(loop);
        assertEquals(List.of("waiter"), log);
        lock.release();
        settle(loop);
        assertEquals(List.of("waiter", "newcomer"), log);
    }

    @Test
    void cancelWhileWaitingLeavesNoWaiterBehind() {
        loop.runUntilComplete(Script.of().await(lock::acquire));
        Task<Object> t = acquirer("never");
        settle(loop);
        assertEquals(1, lock.waiterCount());
        t.cancel("stop");
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("stop", e.getMessage());
        assertEquals(0, lock.waiterCount());
        assertTrue(lock.locked());
        lock.release();
        assertFalse(lock.locked());
        assertEquals(List.of(), log);
    }

    @Test
    void cancelBeforeGrantLetsTheNextWaiterIn() {
        // CPython test_cancel_race: B is cancelled and A releases in the same loop turn.
        loop.runUntilComplete(Script.of().await(lock::acquire));
        Task<Object> b = acquirer("b");
        Task<Object> c = acquirer("c");
        settle(loop);
        loop.callSoon(() -> {
            b.cancel();
            lock.release();
        });
        settle(loop);
        assertTrue(b.isCancelled());
        assertTrue(c.isDone());
        assertEquals(List.of("c"), log);
        assertTrue(lock.locked());
        assertEquals(0, lock.waiterCount());
    }

    @Test
    void cancelAfterGrantPassesTheLockOn() {
        // CPython test_cancel_release_race and test_finished_waiter_cancelled: the head waiter
        // is granted the lock, then cancelled before it resumes.
        loop.runUntilComplete(Script.of().await(lock::acquire));
        Task<Object> t1 = acquirer("1");
        Task<Object> t2 = acquirer("2");
        Task<Object> t3 = acquirer("3");
        settle(loop);
        loop.callSoon(() -> {
            lock.release();
            t1.cancel();
        });
        settle(loop);
        assertTrue(t1.isCancelled());
        assertTrue(t2.isDone() && !t2.isCancelled());
        assertFalse(t3.isDone());
        assertEquals(List.of("2"), log);
        assertTrue(lock.locked());
        t3.cancel();
        settle(loop);
        assertTrue(t3.isCancelled());
        assertEquals(0, lock.waiterCount());
    }

    @Test
    void freeLockWithOnlyCancelledWaitersIsTakenAtOnce() {
        loop.runUntilComplete(Script.of().await(lock::acquire));
        Task<Object> t = acquirer("cancelled");
        settle(loop);
        loop.runUntilComplete(Script.of().run(() -> {
            t.cancel(); // its waiter future is cancelled, the task has not resumed yet
            lock.release();
        }).await(lock::acquire).run(() -> log.add("jumped")));
        assertEquals(List.of("jumped"), log);
        settle(loop);
        assertTrue(t.isCancelled());
        assertTrue(lock.locked());
    }

    @Test
    void releasingAnUnlockedLockThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertEquals("Lock is not acquired.", e.getMessage());
    }

    @Test
    void holdReleasesWhenClosedAndOnlyOnce() {
        Held[] held = new Held[1];
        loop.runUntilComplete(Script.of().await(lock::hold, h -> held[0] = h));
        assertTrue(lock.locked());
        assertTrue(held[0].isHeld());
        loop.runUntilComplete(Script.of().await(held[0]::closeAsync));
        assertFalse(lock.locked());
        assertFalse(held[0].isHeld());
        held[0].close(); // second close: no-op, not "Lock is not acquired."
        assertFalse(lock.locked());
    }

    @Test
    void holdCancelledWhileWaitingHoldsNothing() {
        loop.runUntilComplete(Script.of().await(lock::acquire));
        Task<Object> t = Script.of().await(lock::hold).startOn(loop);
        settle(loop);
        t.cancel();
        settle(loop);
        assertTrue(t.isCancelled());
        lock.release();
        assertFalse(lock.locked());
    }

    @Test
    void closeAfterFailureReleasesAndRethrows() {
        Held[] held = new Held[1];
        loop.runUntilComplete(Script.of().await(lock::hold, h -> held[0] = h));
        IllegalArgumentException bodyFailure = new IllegalArgumentException("body");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> loop.runUntilComplete(held[0].closeAsync(bodyFailure)));
        assertSame(bodyFailure, thrown);
        assertFalse(lock.locked());
    }

    @Test
    void lockIsBoundToOneLoop() {
        lock.toString();
        loop.runUntilComplete(Script.of().await(lock::acquire));
        acquirer("first loop");
        settle(loop);
        try (EventLoop other = EventLoop.createVirtual()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> other.runUntilComplete(Script.of().await(lock::acquire)));
            assertTrue(e.getMessage().contains("bound to a different event loop"), e.getMessage());
        }
    }

    @Test
    void toStringShowsStateAndWaiters() {
        assertEquals("Lock[unlocked]", lock.toString());
        loop.runUntilComplete(Script.of().await(lock::acquire));
        acquirer("a");
        acquirer("b");
        settle(loop);
        assertEquals("Lock[locked, waiters:2]", lock.toString());
    }
}
