package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Futures: states, callbacks always scheduled, and bridging to CompletableFuture. */
class FutureTest {

    @Test
    void pendingFutureRefusesResultAndException() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Integer> f = loop.createFuture();
            assertFalse(f.isDone());
            IllegalStateException e = assertThrows(IllegalStateException.class, f::result);
            assertTrue(e.getMessage().contains("Result is not ready"), e.getMessage());
            assertThrows(IllegalStateException.class, f::exception);
        }
    }

    @Test
    void resultExceptionAndCancellationStates() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Integer> ok = loop.createFuture();
            ok.setResult(3);
            assertEquals(3, ok.result());
            assertNull(ok.exception());
            assertThrows(IllegalStateException.class, () -> ok.setResult(4));
            assertFalse(ok.cancel());

            Future<Integer> failed = loop.createFuture();
            IOException io = new IOException("io");
            failed.setException(io);
            assertSame(io, failed.exception());
            assertSame(io, assertThrows(IOException.class, failed::result));

            Future<Integer> cancelled = loop.createFuture();
            assertTrue(cancelled.cancel("why"));
            assertTrue(cancelled.isCancelled());
            assertTrue(cancelled.isDone());
            assertEquals("why", assertThrows(CancelledException.class, cancelled::result).getMessage());
            assertThrows(CancelledException.class, cancelled::exception);
            assertThrows(IllegalStateException.class, () -> cancelled.setException(new RuntimeException()));
        }
    }

    @Test
    void doneCallbacksAreScheduledInOrderNeverRunInline() {
        List<String> log = new ArrayList<>();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Integer> f = loop.createFuture();
            f.addDoneCallback(x -> log.add("first " + x.result()));
            f.addDoneCallback(x -> log.add("second"));
            Consumer<Future<Integer>> removed = x -> log.add("removed");
            f.addDoneCallback(removed);
            f.addDoneCallback(removed);
            assertEquals(2, f.removeDoneCallback(removed));
            f.setResult(7);
            assertEquals(List.of(), log);
            f.addDoneCallback(x -> log.add("late"));
            assertEquals(List.of(), log);
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        assertEquals(List.of("first 7", "second", "late"), log);
    }

    @Test
    void awaitingADoneFutureDoesNotSuspend() {
        Order order = new Order();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Integer> done = loop.createFuture();
            done.setResult(1);
            Coroutine<Object> c = new Script<>().run(() -> loop.callSoon(() -> order.expect(2))).await(() -> done).run(() -> order.expect(1)).await(() -> Asyncio.sleep(0))
                    .run(() -> order.expect(3));
            loop.runUntilComplete(c);
        }
        order.finish(4);
    }

    @Test
    void toCompletableFutureMirrorsResultFailureAndCancellation() throws Exception {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<String> ok = loop.createFuture();
            CompletableFuture<String> okCf = ok.toCompletableFuture();
            Future<String> bad = loop.createFuture();
            CompletableFuture<String> badCf = bad.toCompletableFuture();
            Future<String> gone = loop.createFuture();
            CompletableFuture<String> goneCf = gone.toCompletableFuture();
            IOException io = new IOException("io");
            loop.callSoon(() -> {
                ok.setResult("v");
                bad.setException(io);
                gone.cancel("stop");
            });
            loop.runUntilComplete(Asyncio.sleep(1));
            assertEquals("v", okCf.get());
            assertSame(io, assertThrows(ExecutionException.class, badCf::get).getCause());
            CancellationException ce = assertThrows(CancellationException.class, goneCf::get);
            // JDK 23+ wraps the stored CancellationException in a new one: look along the causes.
            assertEquals("stop", Causes.find(ce, CancelledException.class).getMessage());
        }
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheLoopFuture() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Void> sleeper = loop.createTask(Asyncio.sleep(100));
            CompletableFuture<Void> cf = sleeper.toCompletableFuture();
            loop.callLater(1, () -> cf.cancel(true));
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(sleeper));
            assertTrue(sleeper.isCancelled());
            assertEquals(1.0, loop.time(), 1e-9);
        }
    }

    @Test
    void cancellingFromAnotherThreadGoesThroughTheLoop() throws Exception {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Void> f = loop.createFuture();
            CompletableFuture<Void> cf = f.toCompletableFuture();
            Thread t = new Thread(() -> cf.cancel(false));
            t.start();
            t.join();
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(f));
        }
    }

    @Test
    void awaitingACompletionStage() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            // Done: no suspension, the value at once.
            Order order = new Order();
            Coroutine<Integer> fast = new Coroutine<>() {
                @Override
                protected void step() throws Throwable {
                    loop.callSoon(() -> order.expect(2));
                    boolean suspended = awaits(CompletableFuture.completedFuture(41));
                    assertFalse(suspended);
                    order.expect(1);
                    complete(this.<Integer>awaited() + 1);
                }
            };
            assertEquals(42, loop.runUntilComplete(fast));
            loop.runUntilComplete(Asyncio.sleep(0));
            order.finish(3);

            // Pending, completed by another thread: resumes on the loop thread.
            CompletableFuture<String> pending = new CompletableFuture<>();
            loop.callSoon(() -> new Thread(() -> pending.complete("later")).start());
            String[] thread = {null};
            assertEquals("later", loop.runUntilComplete(new StageAwaiter<>(pending, () -> thread[0] = Thread.currentThread().getName())));
            assertEquals(Thread.currentThread().getName(), thread[0]);

            // A failure is unwrapped from CompletionException.
            IOException io = new IOException("io");
            CompletableFuture<String> failing = new CompletableFuture<>();
            loop.callSoon(() -> failing.completeExceptionally(new CompletionException(io)));
            assertSame(io, assertThrows(IOException.class, () -> loop.runUntilComplete(new StageAwaiter<>(failing, () -> { }))));

            // A cancelled stage surfaces as CancelledException.
            CompletableFuture<String> cancelled = new CompletableFuture<>();
            loop.callSoon(() -> cancelled.cancel(false));
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(new StageAwaiter<>(cancelled, () -> { })));

            // Cancelling the awaiting task cancels the stage.
            CompletableFuture<String> never = new CompletableFuture<>();
            Task<String> t = loop.createTask(new StageAwaiter<>(never, () -> { }));
            loop.callLater(1, t::cancel);
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertTrue(never.isCancelled());
        }
    }

    @Test
    void wrapFutureNeedsARunningLoopAndDeliversOnIt() {
        assertThrows(IllegalStateException.class, () -> Asyncio.wrapFuture(new CompletableFuture<>()));
        try (EventLoop loop = EventLoop.createVirtual()) {
            CompletableFuture<Integer> cf = new CompletableFuture<>();
            Coroutine<Object> c = new Script<>().awaitWith(v -> {
                Future<Integer> f = Asyncio.wrapFuture(cf);
                new Thread(() -> cf.complete(9)).start();
                return f;
            });
            assertEquals(9, loop.runUntilComplete(c));
        }
    }

    /** Awaits a CompletionStage through the frame protocol, then runs a probe on resume. */
    static final class StageAwaiter<T> extends Coroutine<T> {
        private final java.util.concurrent.CompletionStage<T> stage;
        private final Runnable onResume;

        StageAwaiter(java.util.concurrent.CompletionStage<T> stage, Runnable onResume) {
            this.stage = stage;
            this.onResume = onResume;
        }

        @Override
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    state = 1;
                    if (awaits(stage)) {
                        return;
                    }
                    // fall through
                case 1:
                    T value = awaited();
                    onResume.run();
                    complete(value);
                    return;
                default:
                    throw new IllegalStateException();
            }
        }
    }
}
