package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** runInExecutor and toThread: work off the loop, outcomes back on the loop's thread. */
class ExecutorBridgeTest {
    private final EventLoop loop = EventLoop.createVirtual();

    /** An executor that only queues: the test decides when (and whether) work runs. */
    static final class ManualExecutor implements Executor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }
    }

    @Test
    void resultIsComputedOffTheLoopAndDeliveredOnIt() {
        String loopThread = Thread.currentThread().getName();
        List<String> threads = new ArrayList<>();
        try (loop) {
            Object r = loop.runUntilComplete(new Script<>()
                    .awaitWith(v -> Asyncio.getRunningLoop().runInExecutor(null, () -> {
                        threads.add(Thread.currentThread().getName());
                        return 21;
                    }))
                    .map(v -> {
                        threads.add(Thread.currentThread().getName());
                        return (Integer) v * 2;
                    }));
            assertEquals(42, r);
        }
        assertTrue(threads.get(0).startsWith("jawait-executor-"), threads.get(0));
        assertEquals(loopThread, threads.get(1));
    }

    @Test
    void failureIsDeliveredUnwrapped() {
        IOException io = new IOException("disk");
        try (loop) {
            assertSame(io, assertThrows(IOException.class, () -> loop.runUntilComplete(new Script<>()
                    .awaitWith(v -> Asyncio.getRunningLoop().runInExecutor(null, () -> {
                        throw io;
                    })))));
        }
    }

    @Test
    void cancellingTheLoopFutureCancelsWorkNotStarted() {
        ManualExecutor executor = new ManualExecutor();
        boolean[] ran = {false};
        try (loop) {
            Future<String> f = loop.runInExecutor(executor, () -> {
                ran[0] = true;
                return "ran";
            });
            loop.callSoon(f::cancel);
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(f));
            // The loop's callback cancelled the executor's FutureTask: running it now does nothing.
            loop.runUntilComplete(Asyncio.sleep(0));
            assertEquals(1, executor.queued.size());
            executor.queued.get(0).run();
            assertFalse(ran[0]);
            assertFalse(loop.executors().hasWorkInFlight());
        }
    }

    @Test
    void customExecutorRunsTheWork() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-worker"));
        try (loop) {
            assertEquals("custom-worker", loop.runUntilComplete(new Script<>()
                    .awaitWith(v -> Asyncio.getRunningLoop().runInExecutor(pool, () -> Thread.currentThread().getName()))));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectedExecutionFailsTheFuture() {
        RejectedExecutionException rejected = new RejectedExecutionException("full");
        try (loop) {
            Future<Object> f = loop.runInExecutor(command -> {
                throw rejected;
            }, () -> "never");
            assertTrue(f.isDone());
            assertSame(rejected, f.exception());
            assertFalse(loop.executors().hasWorkInFlight());
        }
    }

    @Test
    void setDefaultExecutorIsUsedByRunInExecutorAndToThread() {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-default"));
        try (loop) {
            loop.setDefaultExecutor(pool);
            assertEquals(List.of("my-default", "my-default"), loop.runUntilComplete(new Script<List<Object>>()
                    .awaitWith(v -> Asyncio.gather(
                            Asyncio.getRunningLoop().runInExecutor(null, () -> Thread.currentThread().getName()),
                            Asyncio.toThread(() -> Thread.currentThread().getName())))));
            loop.shutdownDefaultExecutor();
            assertFalse(pool.isShutdown(), "a default executor given by the user is not the loop's to shut down");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toThreadIsColdAndSurfacesFailuresUnwrapped() {
        int[] calls = {0};
        IOException io = new IOException("io");
        try (loop) {
            loop.runUntilComplete(new Script<>().run(() -> Asyncio.toThread(() -> calls[0]++)).await(() -> Asyncio.sleep(0)));
            assertEquals(0, calls[0]);
            assertEquals(7, loop.runUntilComplete(new Script<>().await(() -> Asyncio.toThread(() -> 7))));
            assertSame(io, assertThrows(IOException.class, () -> loop.runUntilComplete(new Script<>()
                    .await(() -> Asyncio.toThread(() -> {
                        throw io;
                    })))));
        }
    }

    @Test
    void asyncioRunShutsDownItsDefaultExecutor() {
        Executor[] used = {null};
        String thread = Asyncio.run(new Script<String>().awaitWith(v -> {
            used[0] = Asyncio.getRunningLoop().executors().defaultExecutor();
            return Asyncio.toThread(() -> Thread.currentThread().getName());
        }));
        assertNotEquals(Thread.currentThread().getName(), thread);
        ExecutorService pool = assertInstanceOf(ExecutorService.class, used[0]);
        assertTrue(pool.isTerminated());
    }
}
