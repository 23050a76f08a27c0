package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The loop itself: callback order, timers on virtual time, lifecycle and misuse. */
class EventLoopTest {

    @Test
    void callSoonRunsCallbacksFifoAndNeverInline() {
        List<Integer> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Void> done = loop.createFuture();
            loop.callSoon(() -> {
                log.add(1);
                loop.callSoon(() -> {
                    log.add(4);
                    done.setResult(null);
                });
                log.add(2);
            });
            loop.callSoon(() -> log.add(3));
            assertEquals(List.of(), log);
            loop.runUntilComplete(done);
        }
        assertEquals(List.of(1, 2, 3, 4), log);
    }

    @Test
    void timersRunInDeadlineOrderThenSchedulingOrderOnVirtualTime() {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Void> done = loop.createFuture();
            loop.callLater(2, () -> log.add("b@" + loop.time()));
            loop.callLater(1, () -> log.add("a1@" + loop.time()));
            loop.callAt(1, () -> log.add("a2@" + loop.time()));
            EventLoop.TimerHandle cancelled = loop.callLater(1.5, () -> log.add("never"));
            cancelled.cancel();
            assertTrue(cancelled.isCancelled());
            loop.callLater(3, () -> done.setResult(null));
            loop.runUntilComplete(done);
            assertEquals(3.0, loop.time(), 1e-9);
            assertEquals(2.0, loop.callAt(2, () -> { }).when());
        }
        assertEquals(List.of("a1@1.0", "a2@1.0", "b@2.0"), log);
    }

    @Test
    void zeroDelayTimerRunsAfterCallbacksAlreadyReady() {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Void> done = loop.createFuture();
            loop.callLater(0, () -> log.add("timer"));
            loop.callSoon(() -> log.add("soon"));
            loop.callSoon(() -> loop.callSoon(() -> done.setResult(null)));
            loop.runUntilComplete(done);
        }
        assertEquals(List.of("soon", "timer"), log);
    }

    @Test
    void cancelledHandleDoesNotRun() {
        boolean[] ran = {false};
        try (EventLoop loop = EventLoop.createVirtual()) {
            EventLoop.Handle h = loop.callSoon(() -> ran[0] = true);
            h.cancel();
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        assertFalse(ran[0]);
    }

    @Test
    void nanOrNegativeDelaysAreRejected() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertThrows(IllegalArgumentException.class, () -> loop.callLater(Double.NaN, () -> { }));
            assertThrows(IllegalArgumentException.class, () -> loop.callLater(-1, () -> { }));
            assertThrows(IllegalArgumentException.class, () -> loop.callAt(Double.NaN, () -> { }));
            assertThrows(IllegalArgumentException.class, () -> Asyncio.sleep(Double.NaN));
        }
    }

    @Test
    void closedLoopRefusesWork() {
        EventLoop loop = EventLoop.createVirtual();
        loop.close();
        loop.close(); // idempotent
        assertTrue(loop.isClosed());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
        assertEquals("Event loop is closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> loop.callLater(1, () -> { }));
        assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(() -> { }));
        assertThrows(IllegalStateException.class, () -> loop.createTask(Coroutine.of(1)));
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(Coroutine.of(1)));
        assertThrows(IllegalStateException.class, loop::runForever);
    }

    @Test
    void runUntilCompleteStoppedEarlyNamesTheProblem() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            loop.callLater(1, loop::stop);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(Asyncio.sleep(10)));
            assertEquals("Event loop stopped before Future completed.", e.getMessage());
            assertFalse(loop.isRunning());
        }
    }

    @Test
    void runningTheLoopInsideItselfIsRejected() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Throwable[] inner = new Throwable[2];
            Coroutine<Void> main = new Script<Void>().run(() -> {
                inner[0] = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(Coroutine.of(1)));
                try (EventLoop other = EventLoop.createVirtual()) {
                    inner[1] = assertThrows(IllegalStateException.class, () -> other.runUntilComplete(Coroutine.of(1)));
                }
                assertThrows(IllegalStateException.class, loop::close);
            });
            loop.runUntilComplete(main);
            assertEquals("This event loop is already running", inner[0].getMessage());
            assertEquals("Cannot run the event loop while another loop is running", inner[1].getMessage());
        }
    }

    @Test
    void runUntilCompleteReturnsTheResultOrThrowsTheFailureUnwrapped() throws Exception {
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals(5, loop.runUntilComplete(Asyncio.sleep(1, 5)));
            java.io.IOException io = new java.io.IOException("checked");
            java.io.IOException thrown = assertThrows(java.io.IOException.class,
                    () -> loop.runUntilComplete(new Script<Void>().await(() -> Asyncio.sleep(1)).fail(() -> io)));
            assertSame(io, thrown);
            assertFalse(loop.isRunning());
        }
    }

    @Test
    void callSoonThreadsafeWakesABlockedLoop() throws Exception {
        // A real-time loop blocked in select() with nothing to do must wake for the inbox.
        try (EventLoop loop = EventLoop.create()) {
            Future<String> result = loop.createFuture();
            CountDownLatch started = new CountDownLatch(1);
            loop.callSoon(started::countDown);
            Thread other = new Thread(() -> {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    return;
                }
                loop.callSoonThreadsafe(() -> result.setResult(Thread.currentThread().getName()));
            }, "poster");
            other.start();
            String ranOn = loop.runUntilComplete(result);
            other.join();
            assertEquals(Thread.currentThread().getName(), ranOn);
        }
    }

    @Test
    void aCallbackThatThrowsIsReportedAndTheLoopGoesOn() {
        List<Object> reported = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            loop.setExceptionHandler((l, ctx) -> reported.add(ctx.get("exception")));
            IllegalStateException boom = new IllegalStateException("boom");
            loop.callSoon(() -> {
                throw boom;
            });
            assertEquals(1, loop.runUntilComplete(Asyncio.sleep(1, 1)));
            assertEquals(List.of(boom), reported);
        }
    }

    @Test
    void virtualTimeWaitsForExecutorWorkInsteadOfJumping() throws Exception {
        try (EventLoop loop = EventLoop.createVirtual()) {
            CompletableFuture<String> gate = new CompletableFuture<>();
            Future<String> work = loop.runInExecutor(null, gate::get);
            loop.callLater(100, () -> gate.complete("released by timer"));
            loop.callSoon(() -> new Thread(() -> gate.complete("released by thread")).start());
            assertEquals("released by thread", loop.runUntilComplete(work));
        }
    }
}
