package io.jawait;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An interrupted loop thread stops the loop instead of spinning (a selector returns at once then). */
class LoopInterruptTest {

    @Test
    void interruptingTheLoopThreadStopsTheLoop() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try (EventLoop loop = EventLoop.create()) {
                Future<Void> never = loop.createFuture();
                loop.runUntilComplete(never);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            } finally {
                Thread.interrupted();
            }
        }, "interrupted-loop");
        runner.start();
        Thread.onSpinWait();
        runner.interrupt();
        Throwable t = outcome.get(30, TimeUnit.SECONDS);
        assertTrue(t instanceof LoopInterruptedException, "got " + t);
        runner.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(runner.isAlive());
    }

    @Test
    void aLoopInterruptedBeforeItRunsStopsAtOnceAndCanRunAgain() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Thread.currentThread().interrupt();
            try {
                assertThrows(LoopInterruptedException.class, () -> loop.runUntilComplete(loop.createTask(Asyncio.sleep(1))));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
            } finally {
                Thread.interrupted();
            }
            loop.runUntilComplete(loop.createTask(Asyncio.sleep(1)));
        }
    }
}
