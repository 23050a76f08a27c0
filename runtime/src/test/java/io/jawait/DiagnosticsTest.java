package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What the loop reports through its exception handler: exceptions never retrieved, coroutines
 * never awaited (debug mode), slow callbacks (debug mode). Garbage collection is polled for a
 * bounded number of loop iterations, never for a length of time.
 */
class DiagnosticsTest {
    private static final int GC_ROUNDS = 200;

    private final EventLoop loop = EventLoop.createVirtual();
    private final List<Map<String, Object>> reports = new ArrayList<>();

    DiagnosticsTest() {
        loop.setExceptionHandler((l, ctx) -> reports.add(ctx));
    }

    /** Runs System.gc() and one loop turn until {@code done} holds or the rounds run out. */
    static final class GcPoller extends Coroutine<Boolean> {
        private final BooleanSupplier done;
        private int rounds;

        GcPoller(BooleanSupplier done) {
            this.done = done;
        }

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        if (done.getAsBoolean() || rounds++ == GC_ROUNDS) {
                            complete(done.getAsBoolean());
                            return;
                        }
                        System.gc();
                        state = 1;
                        yields();
                        return;
                    case 1:
                        awaited();
                        state = 0;
                        continue;
                    default:
                        throw new IllegalStateException();
                }
            }
        }
    }

    private boolean reported(String message) {
        return reports.stream().anyMatch(r -> String.valueOf(r.get("message")).startsWith(message));
    }

    /** Starts a task that fails, without keeping a reference to it. */
    private static void dropAFailingTask(IllegalStateException failure) {
        Asyncio.createTask(new Script<>().fail(() -> failure));
    }

    @Test
    void taskExceptionNeverRetrievedIsReportedWhenTheTaskIsCollected() {
        IllegalStateException failure = new IllegalStateException("lost");
        try (loop) {
            boolean found = loop.runUntilComplete(new Script<Boolean>()
                    .run(() -> dropAFailingTask(failure))
                    .awaitWith(v -> new GcPoller(() -> reported("Task exception was never retrieved"))));
            assertTrue(found, "no report after " + GC_ROUNDS + " collections: " + reports);
        }
        Map<String, Object> r = reports.get(0);
        assertSame(failure, r.get("exception"));
        assertTrue(String.valueOf(r.get("task")).contains("lost"));
    }

    @Test
    void retrievedExceptionsAreNotReported() {
        IllegalStateException failure = new IllegalStateException("seen");
        try (loop) {
            loop.runUntilComplete(new Script<Boolean>()
                    .awaitWith(v -> Asyncio.createTask(new Script<>().fail(() -> failure)))
                    .onError(IllegalStateException.class, e -> null)
                    .run(() -> dropAFailingTask(new IllegalStateException("marker")))
                    .awaitWith(v -> new GcPoller(() -> reported("Task exception was never retrieved"))));
        }
        // The marker task proves collection happened; the awaited one is not reported.
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("marker", ((Throwable) reports.get(0).get("exception")).getMessage());
    }

    @Test
    void debugModeReportsACoroutineNeverAwaited() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(1e9); // System.gc() in a step is slow: not what this test is about
        try (loop) {
            boolean found = loop.runUntilComplete(new Script<Boolean>()
                    .await(() -> Asyncio.sleep(0))              // created and awaited: fine
                    .run(() -> new Script<>().map(v -> "never")) // created and dropped
                    .awaitWith(v -> new GcPoller(() -> reported("coroutine "))));
            assertTrue(found, "no report after " + GC_ROUNDS + " collections");
        }
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("coroutine io.jawait.Script was never awaited", reports.get(0).get("message"));
        assertTrue(String.valueOf(reports.get(0).get("source_traceback")).contains("DiagnosticsTest"));
    }

    @Test
    void withoutDebugModeCoroutinesAreNotTracked() {
        try (loop) {
            loop.runUntilComplete(new Script<Boolean>()
                    .run(() -> new Script<>().map(v -> "never"))
                    .run(() -> dropAFailingTask(new IllegalStateException("marker")))
                    .awaitWith(v -> new GcPoller(() -> reported("Task exception was never retrieved"))));
        }
        // The marker proves a collection ran; the dropped coroutine was not watched.
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("Task exception was never retrieved", reports.get(0).get("message"));
    }

    @Test
    void debugModeReportsSlowCallbacks() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0);
        assertEquals(0.0, loop.getSlowCallbackDuration());
        try (loop) {
            loop.callSoon(new Runnable() {
                @Override
                public void run() {
                }

                @Override
                public String toString() {
                    return "the-callback";
                }
            });
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        assertTrue(reports.stream().anyMatch(r -> String.valueOf(r.get("message")).startsWith("Executing Handle[the-callback] took")),
                String.valueOf(reports));
        assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(-1));
        assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(Double.NaN));
    }

    @Test
    void slowCallbacksAreNotReportedOutsideDebugMode() {
        loop.setSlowCallbackDuration(0);
        try (loop) {
            loop.runUntilComplete(Asyncio.sleep(0));
        }
        assertTrue(reports.isEmpty(), String.valueOf(reports));
    }

    @Test
    void asyncioRunInsideARunningLoopIsRejected() {
        try (loop) {
            Object message = loop.runUntilComplete(new Script<>().map(v ->
                    assertThrows(IllegalStateException.class, () -> Asyncio.run(Coroutine.of(1))).getMessage()));
            assertEquals("Asyncio.run() cannot be called from a running event loop", message);
        }
    }
}
