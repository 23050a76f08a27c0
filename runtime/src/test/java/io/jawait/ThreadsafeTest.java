package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A loop running on its own thread, driven from the test thread: runCoroutineThreadsafe and the
 * debug-mode thread checks. The get() bounds only keep a broken build from hanging.
 */
class ThreadsafeTest {
    private EventLoop loop;
    private Thread loopThread;

    @BeforeEach
    void startLoop() throws InterruptedException {
        loop = EventLoop.create();
        loop.setDebug(true);
        CountDownLatch running = new CountDownLatch(1);
        loop.callSoon(running::countDown);
        loopThread = new Thread(loop::runForever, "loop-thread");
        loopThread.start();
        running.await();
    }

    @AfterEach
    void stopLoop() throws InterruptedException {
        loop.callSoonThreadsafe(loop::stop);
        loopThread.join();
        loop.close();
    }

    @Test
    void runCoroutineThreadsafeReturnsTheResult() throws Exception {
        CompletableFuture<String> cf = Asyncio.runCoroutineThreadsafe(
                new Script<String>().await(() -> Asyncio.sleep(0)).map(v -> Thread.currentThread().getName()), loop);
        assertEquals("loop-thread", cf.get(30, TimeUnit.SECONDS));
    }

    @Test
    void runCoroutineThreadsafeDeliversTheFailureUnwrappedOnce() throws Exception {
        IOException io = new IOException("io");
        CompletableFuture<Object> cf = Asyncio.runCoroutineThreadsafe(new Script<>().fail(() -> io), loop);
        ExecutionException e = assertThrows(ExecutionException.class, () -> cf.get(30, TimeUnit.SECONDS));
        assertSame(io, e.getCause());
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> finallyRan = new CompletableFuture<>();
        CompletableFuture<Object> cf = Asyncio.runCoroutineThreadsafe(new Script<>()
                .run(started::countDown)
                .await(() -> Asyncio.sleep(3600))
                .onError(CancelledException.class, e -> {
                    finallyRan.complete(true);
                    throw e;
                }), loop);
        started.await();
        cf.cancel(false);
        assertTrue(finallyRan.get(30, TimeUnit.SECONDS));
        assertThrows(CancellationException.class, cf::join);
    }

    @Test
    void aTaskCancelledOnTheLoopEndsTheCompletableFutureWithCancellation() throws Exception {
        CompletableFuture<Object> cf = Asyncio.runCoroutineThreadsafe(new Script<>()
                .run(() -> Asyncio.currentTask().cancel("inside"))
                .await(() -> Asyncio.sleep(3600)), loop);
        CancellationException c = assertThrows(CancellationException.class, () -> cf.get(30, TimeUnit.SECONDS));
        // JDK 23+ wraps the stored CancellationException in a new one: look along the causes.
        assertEquals("inside", Causes.find(c, CancelledException.class).getMessage());
    }

    @Test
    void debugModeRejectsLoopOnlyCallsFromOtherThreads() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
        assertTrue(e.getMessage().startsWith("Non-thread-safe operation invoked on an event loop other than the current one"),
                e.getMessage());
        assertTrue(e.getMessage().contains("loop-thread"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> loop.callLater(1, () -> { }));
        assertThrows(IllegalStateException.class, () -> loop.callAt(1, () -> { }));
        assertThrows(IllegalStateException.class, () -> loop.createFuture());
        assertThrows(IllegalStateException.class, () -> loop.createTask(Coroutine.of(1)));
        assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1));
        Future<Integer> f = new Future<>(loop);
        assertThrows(IllegalStateException.class, () -> f.setResult(1));
        assertThrows(IllegalStateException.class, () -> f.setException(new RuntimeException()));
        assertThrows(IllegalStateException.class, f::cancel);
        assertThrows(IllegalStateException.class, () -> f.addDoneCallback(x -> { }));
        // The thread-safe entry points stay usable.
        loop.callSoonThreadsafe(() -> { });
    }

    @Test
    void toCompletableFutureMayBeCalledFromAnotherThread() throws Exception {
        Future<String> f = Asyncio.runCoroutineThreadsafe(
                new Script<Future<String>>().map(v -> Asyncio.getRunningLoop().createFuture()), loop).get(30, TimeUnit.SECONDS);
        CompletableFuture<String> cf = f.toCompletableFuture(); // debug mode: must not be refused
        loop.callSoonThreadsafe(() -> f.setResult("across threads"));
        assertEquals("across threads", cf.get(30, TimeUnit.SECONDS));
    }
}
