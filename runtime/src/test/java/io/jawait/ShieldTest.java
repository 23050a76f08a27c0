package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** shield: the outer can be cancelled, the inner keeps running. */
class ShieldTest {
    private final EventLoop loop = EventLoop.createVirtual();

    @Test
    void cancellingTheAwaiterLeavesTheInnerWorkRunning() {
        List<String> log = new ArrayList<>();
        try (loop) {
            Task<?>[] inner = {null};
            Task<Object> waiter = loop.createTask(new Script<>().awaitWith(v -> {
                inner[0] = Asyncio.createTask(new Script<>().await(() -> Asyncio.sleep(5)).run(() -> log.add("inner done")));
                return Asyncio.shield(inner[0]);
            }));
            loop.callLater(1, waiter::cancel);
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(waiter));
            assertFalse(inner[0].isDone());
            loop.runUntilComplete(inner[0]);
            assertEquals(5.0, loop.time(), 1e-9);
        }
        assertEquals(List.of("inner done"), log);
    }

    @Test
    void resultAndFailureAreCopied() {
        java.io.IOException io = new java.io.IOException("io");
        try (loop) {
            assertEquals("v", loop.runUntilComplete(new Script<>().awaitWith(v -> Asyncio.shield(Asyncio.sleep(1, "v")))));
            assertSame(io, assertThrows(java.io.IOException.class, () -> loop.runUntilComplete(new Script<>()
                    .awaitWith(v -> Asyncio.shield(new Script<>().await(() -> Asyncio.sleep(1)).fail(() -> io))))));
        }
    }

    @Test
    void innerCancellationCancelsTheOuter() {
        try (loop) {
            Future<?>[] outer = {null};
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(new Script<>().awaitWith(v -> {
                Task<Void> inner = Asyncio.createTask(Asyncio.sleep(5));
                Asyncio.getRunningLoop().callLater(1, () -> inner.cancel("inner"));
                return outer[0] = Asyncio.shield(inner);
            })));
            assertTrue(outer[0].isCancelled());
        }
    }

    @Test
    void aDoneInnerIsReturnedAsIs() {
        try (loop) {
            Future<Integer> done = loop.createFuture();
            done.setResult(1);
            assertSame(done, Asyncio.shield(done));
        }
    }
}
