package io.jawait.sync;

import static io.jawait.sync.Loops.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Semaphore and BoundedSemaphore, after CPython's test_locks.SemaphoreTests (3.13). */
class SemaphoreTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private Task<Object> acquirer(Semaphore sem, String name) {
        return Script.of().await(sem::acquire).run(() -> log.add(name)).startOn(loop);
    }

    @Test
    void negativeInitialValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-1));
    }

    @Test
    void acquireTakesPermitsUntilNoneIsLeft() {
        Semaphore sem = new Semaphore(2);
        assertFalse(sem.locked());
        loop.runUntilComplete(Script.of().await(sem::acquire).await(sem::acquire));
        assertTrue(sem.locked());
        Task<Object> third = acquirer(sem, "third");
        settle(loop);
        assertFalse(third.isDone());
        sem.release();
        settle(loop);
        assertEquals(List.of("third"), log);
        assertTrue(sem.locked());
    }

    @Test
    void zeroPermitsWaitsUntilRelease() {
        Semaphore sem = new Semaphore(0);
        assertTrue(sem.locked());
        Task<Object> t = acquirer(sem, "t");
        settle(loop);
        assertFalse(t.isDone());
        sem.release();
        settle(loop);
        assertTrue(t.isDone());
        assertEquals(0, sem.value());
    }

    @Test
    void releaseMayExceedTheInitialValue() {
        Semaphore sem = new Semaphore(1);
        sem.release();
        sem.release();
        assertEquals(3, sem.value());
    }

    @Test
    void boundedSemaphoreRejectsOverRelease() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertEquals("BoundedSemaphore released too many times", e.getMessage());
        loop.runUntilComplete(Script.of().await(sem::acquire));
        sem.release();
        assertThrows(IllegalStateException.class, sem::release);
        assertEquals(1, sem.value());
    }

    @Test
    void newcomerWaitsBehindWakenWaitersEvenWithFreePermits() {
        // CPython test_acquire_fifo_order_2.
        Semaphore sem = new Semaphore(1);
        acquirer(sem, "1");
        Script.of()
                .await(sem::acquire)
                .run(() -> {
                    log.add("2");
                    sem.release();
                })
                .await(sem::acquire)
                .run(() -> log.add("4"))
                .startOn(loop);
        acquirer(sem, "3");
        settle(loop);
        sem.release();
        sem.release();
        settle(loop);
        assertEquals(List.of("1", "2", "3", "4"), log);
    }

    @Test
    void cancelledWaitersAreSkipped() {
        // CPython test_acquire_fifo_order_3.
        Semaphore sem = new Semaphore(0);
        Task<Object> t1 = acquirer(sem, "1");
        acquirer(sem, "2");
        acquirer(sem, "3");
        settle(loop);
        t1.cancel();
        settle(loop);
        sem.release();
        sem.release();
        settle(loop);
        assertTrue(t1.isCancelled());
        assertEquals(List.of("2", "3"), log);
    }

    @Test
    void aSuccessfulAcquireWakesEveryWaiterThatFreePermitsAllow() {
        // CPython test_acquire_fifo_order_4.
        Semaphore sem = new Semaphore(0);
        List<Task<Object>> t4 = new ArrayList<>();
        Task<Object> t1 = Script.of()
                .await(sem::acquire)
                .run(() -> {
                    assertEquals(0, sem.value(), "every waiter has been granted a permit");
                    t4.add(Script.of().run(() -> log.add("4")).startOn(loop));
                    log.add("1");
                })
                .startOn(loop);
        Task<Object> t2 = Script.of()
                .run(() -> {
                    sem.release();
                    sem.release();
                    sem.release();
                    assertEquals(2, sem.value());
                    assertTrue(sem.locked(), "the woken first waiter comes first");
                })
                .await(sem::acquire)
                .run(() -> log.add("2"))
                .startOn(loop);
        Task<Object> t3 = acquirer(sem, "3");
        settle(loop);
        assertTrue(t1.isDone() && t2.isDone() && t3.isDone() && t4.get(0).isDone());
        assertEquals(List.of("1", "2", "3", "4"), log);
    }

    @Test
    void cancelBeforeGrantSkipsToTheNextWaiter() {
        // CPython test_acquire_cancel_before_awoken and test_acquire_hang.
        Semaphore sem = new Semaphore(0);
        Task<Object> t1 = acquirer(sem, "1");
        Task<Object> t2 = acquirer(sem, "2");
        Task<Object> t3 = acquirer(sem, "3");
        Task<Object> t4 = acquirer(sem, "4");
        settle(loop);
        t1.cancel();
        t2.cancel();
        sem.release();
        settle(loop);
        assertTrue(t1.isCancelled() && t2.isCancelled());
        assertTrue(t3.isDone());
        assertFalse(t4.isDone());
        assertTrue(sem.locked());
        t4.cancel();
        settle(loop);
        assertEquals(0, sem.waiterCount());
        assertEquals(0, sem.value());
    }

    @Test
    void cancelAfterGrantGivesThePermitToTheNextWaiter() {
        Semaphore sem = new Semaphore(0);
        Task<Object> t1 = acquirer(sem, "1");
        Task<Object> t2 = acquirer(sem, "2");
        settle(loop);
        loop.callSoon(() -> {
            sem.release(); // grants t1
            t1.cancel();   // before t1 resumes
        });
        settle(loop);
        assertTrue(t1.isCancelled());
        assertTrue(t2.isDone());
        assertEquals(List.of("2"), log);
        assertEquals(0, sem.value());
        assertEquals(0, sem.waiterCount());
    }

    @Test
    void cancelAfterGrantWithNoOtherWaiterKeepsThePermit() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        loop.runUntilComplete(Script.of().await(sem::acquire));
        Task<Object> t = acquirer(sem, "t");
        settle(loop);
        loop.callSoon(() -> {
            sem.release();
            t.cancel();
        });
        settle(loop);
        assertTrue(t.isCancelled());
        assertEquals(1, sem.value());
        assertFalse(sem.locked());
        assertThrows(IllegalStateException.class, sem::release, "the permit was not counted twice");
    }

    @Test
    void holdReleasesOnClose() {
        Semaphore sem = new Semaphore(1);
        Held[] held = new Held[1];
        loop.runUntilComplete(Script.of().await(sem::hold, h -> held[0] = h));
        assertTrue(sem.locked());
        loop.runUntilComplete(Script.of().await(held[0]::closeAsync));
        assertFalse(sem.locked());
        held[0].close();
        assertEquals(1, sem.value(), "a second close does not release again");
    }

    @Test
    void toStringShowsValueAndWaiters() {
        Semaphore sem = new Semaphore(1);
        assertEquals("Semaphore[unlocked, value:1]", sem.toString());
        loop.runUntilComplete(Script.of().await(sem::acquire));
        acquirer(sem, "w");
        settle(loop);
        assertEquals("Semaphore[locked, waiters:1]", sem.toString());
        assertEquals("BoundedSemaphore[unlocked, value:2]", new BoundedSemaphore(2).toString());
    }
}
