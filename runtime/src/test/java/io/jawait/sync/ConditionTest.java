package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Condition, after CPython's test_locks.ConditionTests (3.13). */
class ConditionTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final Condition cond = new Condition();
    private final List<String> log = new ArrayList<>();
    private int state;

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** {@code async with cond: await cond.wait(); log(name)}, logging whether the lock is held at exit. */
    private Task<Object> waiter(String name) {
        return Script.of()
                .await(cond::acquire)
                .always(() -> {
                    log.add(name + (cond.locked() ? " exits holding" : " exits without lock"));
                    cond.release();
                })
                .await(cond::waitNotified)
                .run(() -> log.add(name))
                .startOn(loop);
    }

    /** Acquires the lock from a helper task and runs it to completion. */
    private void acquireNow() {
        loop.runUntilComplete(Script.of().await(cond::acquire));
    }

    @Test
    void signalWakesWaitersOneAtATimeInFifoOrder() {
        waiter("1");
        waiter("2");
        waiter("3");
        settle(loop);
        assertFalse(cond.locked(), "waiting releases the lock");
        assertEquals(3, cond.waiterCount());

        acquireNow();
        cond.signal();
        settle(loop);
        assertEquals(List.of(), log, "a signalled waiter needs the lock back first");
        cond.release();
        settle(loop);
        assertEquals(List.of("1", "1 exits holding"), log);

        acquireNow();
        cond.signal(2);
        cond.release();
        settle(loop);
        assertEquals(List.of("1", "1 exits holding", "2", "2 exits holding", "3", "3 exits holding"), log);
        assertFalse(cond.locked());
        assertEquals(0, cond.waiterCount());
    }

    @Test
    void signalAllWakesEveryone() {
        waiter("1");
        waiter("2");
        settle(loop);
        acquireNow();
        cond.signalAll();
        cond.release();
        settle(loop);
        assertEquals(List.of("1", "1 exits holding", "2", "2 exits holding"), log);
    }

    @Test
    void waitForRechecksThePredicate() {
        Task<Object> t = Script.of()
                .await(cond::acquire)
                .always(cond::release)
                .await(() -> cond.waitFor(() -> state == 2))
                .run(() -> log.add("state is 2, lock held: " + cond.locked()))
                .startOn(loop);
        settle(loop);
        acquireNow();
        state = 1;
        cond.signal();
        cond.release();
        settle(loop);
        assertFalse(t.isDone());
        acquireNow();
        state = 2;
        cond.signal();
        cond.release();
        settle(loop);
        assertTrue(t.isDone());
        assertEquals(List.of("state is 2, lock held: true"), log);
    }

    @Test
    void waitForATruePredicateDoesNotWaitOrNeedTheLock() {
        loop.runUntilComplete(Script.of().await(() -> cond.waitFor(() -> true)));
        assertFalse(cond.locked());
    }

    @Test
    void misuseWithoutTheLockThrows() {
        assertEquals("cannot notify on un-acquired lock", assertThrows(IllegalStateException.class, cond::signal).getMessage());
        assertThrows(IllegalStateException.class, () -> cond.signal(3));
        assertThrows(IllegalStateException.class, cond::signalAll);
        assertThrows(IllegalStateException.class, cond::release);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.runUntilComplete(cond.waitNotified()));
        assertEquals("cannot wait on un-acquired lock", e.getMessage());
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(cond.waitFor(() -> false)));
    }

    @Test
    void cancelWhileWaitingReacquiresTheLockBeforeRethrowing() {
        Task<Object> t = waiter("never");
        settle(loop);
        t.cancel("foo");
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("foo", e.getMessage());
        assertEquals(List.of("never exits holding"), log);
        assertFalse(cond.locked());
        assertEquals(0, cond.waiterCount());
    }

    @Test
    void cancelWhileWaitingForAContestedLockWaitsForIt() {
        // CPython test_wait_cancel_contested: the lock is held by someone else when the
        // cancelled waiter tries to re-acquire it.
        Task<Object> t = waiter("w");
        settle(loop);
        acquireNow();
        t.cancel();
        settle(loop);
        assertFalse(t.isDone(), "the cancelled waiter must wait for the lock");
        assertTrue(cond.locked());
        cond.release();
        settle(loop);
        assertTrue(t.isCancelled());
        assertEquals(List.of("w exits holding"), log);
    }

    @Test
    void cancelWhileReacquiringStillReacquires() {
        // CPython test_cancelled_error_re_aquire: signalled, then cancelled while it waits for
        // the lock; the cancellation it raises is the one delivered.
        Task<Object> t = waiter("w");
        settle(loop);
        acquireNow();
        cond.signal();
        settle(loop); // the waiter now waits in lock.acquire()
        t.cancel("foo");
        settle(loop);
        assertFalse(t.isDone());
        cond.release();
        CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
        assertEquals("foo", e.getMessage());
        assertEquals(List.of("w exits holding"), log);
    }

    @Test
    void cancelAfterSignalDoesNotLoseTheSignal() {
        // CPython test_cancelled_wakeup: the signalled consumer is cancelled before it resumes;
        // the other consumer must get the wake-up instead.
        List<Task<Object>> consumers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = "c" + i;
            consumers.add(Script.of()
                    .await(cond::acquire)
                    .always(cond::release)
                    .await(() -> cond.waitFor(() -> state != 0))
                    .run(() -> {
                        state--;
                        log.add(name + " consumed");
                    })
                    .startOn(loop));
        }
        settle(loop);
        acquireNow();
        state = 1;
        cond.signal(1);
        consumers.get(0).cancel();
        cond.release();
        settle(loop);
        assertTrue(consumers.get(0).isCancelled());
        assertEquals(0, state);
        assertEquals(List.of("c1 consumed"), log);
        assertFalse(cond.locked());
    }

    @Test
    void cancelAfterSignalWhileReacquiringDoesNotLoseTheSignal() {
        // CPython test_cancelled_wakeup_relock: cancelled while re-acquiring after the signal.
        List<Task<Object>> consumers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = "c" + i;
            consumers.add(Script.of()
                    .await(cond::acquire)
                    .always(cond::release)
                    .await(() -> cond.waitFor(() -> state != 0))
                    .run(() -> {
                        state--;
                        log.add(name + " consumed");
                    })
                    .startOn(loop));
        }
        settle(loop);
        acquireNow();
        state = 1;
        cond.signal(1);
        settle(loop); // c0 now waits for the lock
        consumers.get(0).cancel();
        settle(loop);
        cond.release();
        settle(loop);
        assertTrue(consumers.get(0).isCancelled());
        assertEquals(0, state);
        assertEquals(List.of("c1 consumed"), log);
    }

    @Test
    void explicitLockIsShared() {
        Lock lock = new Lock();
        Condition a = new Condition(lock);
        Condition b = new Condition(lock);
        loop.runUntilComplete(Script.of().await(a::acquire));
        assertTrue(lock.locked());
        assertTrue(b.locked());
        b.release();
        assertFalse(a.locked());
    }

    @Test
    void holdIsTryWithResourcesOverTheLock() {
        Held[] held = new Held[1];
        loop.runUntilComplete(Script.of().await(cond::hold, h -> held[0] = h));
        assertTrue(cond.locked());
        cond.signal(); // legal: the lock is held
        held[0].close();
        assertFalse(cond.locked());
    }
}
