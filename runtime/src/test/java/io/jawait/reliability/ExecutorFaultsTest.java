package io.jawait.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jawait.testing.Script;
import io.jawait.Asyncio;
import io.jawait.EventLoop;
import io.jawait.Future;
import io.jawait.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults at the executor boundary (a job that throws, an executor that rejects work) surface at
 * the await as the original exception and leave the loop working; debug mode reports a slow
 * callback (with the threshold at 0 every callback is slow, so nothing depends on wall time).
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExecutorFaultsTest {
    private EventLoop loop;
    private ExecutorService pool;
    private final List<Map<String, Object>> reports = new ArrayList<>();

    @BeforeEach
    void newLoop() {
        loop = EventLoop.createVirtual();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void closeLoop() {
        loop.close();
        pool.shutdownNow();
    }

    @Test
    void failuresOfExecutorJobsSurfaceAtTheirAwaitsAndTheLoopRunsOn() {
        int jobs = 200;
        List<Object> outcomes = new ArrayList<>();
        List<Task<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int n = i;
            Object[] caught = new Object[1];
            tasks.add(loop.createTask(Script.of()
                    .always(() -> outcomes.add(caught[0]))
                    .run(() -> caught[0] = "started")
                    .await(() -> loop.runInExecutor(pool, () -> {
                        if (n % 3 == 0) {
                            throw new IOException("job " + n);
                        }
                        return n;
                    }), v -> caught[0] = v)));
        }
        Task<Object> afterwards = loop.createTask(Script.of().await(() -> Asyncio.sleep(1)).run(() -> { }));
        for (int i = 0; i < jobs; i++) {
            Task<Object> t = tasks.get(i);
            loop.runUntilComplete(Asyncio.gatherReturnExceptions(t));
            if (i % 3 == 0) {
                Throwable failure = t.exception();
                assertInstanceOf(IOException.class, failure);
                assertEquals("job " + i, failure.getMessage());
            } else {
                assertEquals(i, t.result());
            }
        }
        loop.runUntilComplete(afterwards);
        assertEquals(jobs, outcomes.size(), "every task's finally ran");
        assertTrue(reports.isEmpty(), "failures were delivered to their awaits, not reported: " + reports);
    }

    @Test
    void anExecutorThatRejectsWorkFailsTheAwaitAndLeavesTheLoopUnharmed() {
        RejectedExecutionException rejection = new RejectedExecutionException("full");
        AtomicInteger offered = new AtomicInteger();
        java.util.concurrent.Executor rejecting = job -> {
            offered.incrementAndGet();
            throw rejection;
        };
        Object[] caught = new Object[1];
        Task<Object> t = loop.createTask(Script.of().await(() -> Script.of()
                .await(() -> loop.runInExecutor(rejecting, () -> "never"))
                .run(() -> caught[0] = "no failure")).run(() -> { }));
        Future<List<Object>> outcome = Asyncio.gatherReturnExceptions(t);
        List<Object> results = loop.runUntilComplete(outcome);
        assertSame(rejection, results.get(0));
        assertEquals(null, caught[0]);
        assertEquals(1, offered.get());

        // The loop still runs executor work and timers afterwards, and virtual time was not
        // stuck waiting for the rejected job.
        assertEquals("ok", loop.runUntilComplete(loop.runInExecutor(pool, () -> "ok")));
        double before = loop.time();
        loop.runUntilComplete(Asyncio.sleep(5));
        assertEquals(before + 5, loop.time(), 1e-6);
        assertTrue(reports.isEmpty(), reports.toString());
    }

    @Test
    void aShutDownExecutorRejectsAtTheAwait() {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        List<Object> results = loop.runUntilComplete(Asyncio.gatherReturnExceptions(
                loop.createTask(Script.of().await(() -> loop.runInExecutor(closed, () -> 1)))));
        assertInstanceOf(RejectedExecutionException.class, results.get(0));
        assertEquals(2, loop.runUntilComplete(loop.runInExecutor(pool, () -> 2)));
    }

    @Test
    void debugModeReportsASlowCallbackWithItsHandle() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0); // every callback counts as slow: no wall-time threshold
        List<String> ran = new ArrayList<>();
        EventLoop.Handle slow = loop.callSoon(() -> ran.add("slow"));

        loop.runUntilComplete(Asyncio.sleep(0));

        assertEquals(List.of("slow"), ran);
        Map<String, Object> report = reports.stream().filter(r -> r.get("handle") == slow).findFirst()
                .orElseThrow(() -> new AssertionError("no slow-callback report for " + slow + " in " + reports));
        String message = String.valueOf(report.get("message"));
        assertTrue(message.startsWith("Executing ") && message.contains(" took ") && message.endsWith(" seconds"), message);
    }
}
