package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Asyncio facade odds and ends, and AsyncCloseable's default failure path. */
class FacadeTest {
    private final EventLoop loop = EventLoop.createVirtual();

    @Test
    void ensureFutureKeepsFuturesAndSchedulesCoroutines() {
        try (loop) {
            Future<Integer> f = loop.createFuture();
            assertSame(f, Asyncio.ensureFuture(f));
            assertThrows(IllegalStateException.class, () -> Asyncio.ensureFuture(Asyncio.sleep(1)));
            Object r = loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Future<Integer> t = Asyncio.ensureFuture(Asyncio.sleep(1, 3));
                assertTrue(t instanceof Task);
                return t;
            }));
            assertEquals(3, r);
        }
    }

    @Test
    void createTaskAndGetRunningLoopNeedARunningLoop() {
        assertEquals("no running event loop", assertThrows(IllegalStateException.class, Asyncio::getRunningLoop).getMessage());
        assertThrows(IllegalStateException.class, () -> Asyncio.createTask(Asyncio.sleep(0)));
        try (loop) {
            Object name = loop.runUntilComplete(new Script<>().awaitWith(v -> Asyncio.createTask(
                    new Script<>().map(x -> Asyncio.currentTask().getName()), "named")));
            assertEquals("named", name);
        }
    }

    @Test
    void sleepVariants() {
        try (loop) {
            loop.runUntilComplete(Asyncio.sleep(java.time.Duration.ofMillis(1500)));
            assertEquals(1.5, loop.time(), 1e-9);
            assertEquals("r", loop.runUntilComplete(Asyncio.sleep(0.5, "r")));
            assertEquals(2.0, loop.time(), 1e-9);
            loop.runUntilComplete(Asyncio.sleep(-3)); // like sleep(0)
            assertEquals(2.0, loop.time(), 1e-9);
        }
    }

    /** A resource whose close fails or succeeds as told, logging what happens. */
    static final class Resource implements AsyncCloseable {
        final List<String> log = new ArrayList<>();
        final RuntimeException closeFailure;

        Resource(RuntimeException closeFailure) {
            this.closeFailure = closeFailure;
        }

        @Override
        public Coroutine<Void> closeAsync() {
            return new Script<Void>().await(() -> Asyncio.sleep(1)).run(() -> log.add("closed")).fail(() -> closeFailure)
                    .onError(NullPointerException.class, e -> null);
        }
    }

    @Test
    void defaultCloseAfterFailureClosesThenRethrowsWithTheCloseFailureSuppressed() {
        IllegalStateException body = new IllegalStateException("body");
        IllegalArgumentException close = new IllegalArgumentException("close");
        Resource failing = new Resource(close);
        Resource fine = new Resource(null);
        try (loop) {
            assertSame(body, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(
                    Blocks.using(() -> failing, r -> new Script<>().fail(() -> body)))));
            assertEquals(List.of("closed"), failing.log);
            assertEquals(List.of(close), List.of(body.getSuppressed()));

            IllegalStateException body2 = new IllegalStateException("body2");
            assertSame(body2, assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(
                    Blocks.using(() -> fine, r -> new Script<>().fail(() -> body2)))));
            assertEquals(0, body2.getSuppressed().length);
            assertEquals(List.of("closed"), fine.log);
        }
        Exception e = assertThrows(IllegalStateException.class, fine::close);
        assertTrue(e.getMessage().contains("outside a compiled @Async method"), e.getMessage());
    }
}
