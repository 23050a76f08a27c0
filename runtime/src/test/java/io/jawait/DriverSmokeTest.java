package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written machines exercising the frame protocol the processor targets. */
class DriverSmokeTest {

    /** sum(n) = n + await(sum(n - 1)); the leaf awaits a sleep when {@code pendingLeaf}. */
    static final class Sum extends Coroutine<Long> {
        final int n;
        final boolean pendingLeaf;

        Sum(int n, boolean pendingLeaf) {
            this.n = n;
            this.pendingLeaf = pendingLeaf;
        }

        @Override
        protected void step() throws Throwable {
            for (;;) {
                switch (state) {
                    case 0:
                        state = 1;
                        if (n == 0) {
                            if (awaits(pendingLeaf ? Asyncio.sleep(0.5, 0L) : Coroutine.of(0L))) {
                                return;
                            }
                        } else if (awaits(new Sum(n - 1, pendingLeaf))) {
                            return;
                        }
                        // fall through
                    case 1:
                        long below = this.<Long>awaited();
                        complete(n + below);
                        return;
                    default:
                        throw new IllegalStateException("bad state " + state);
                }
            }
        }
    }

    @Test
    void deepRecursionDoesNotOverflowTheStack() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals(50_005_000L, loop.runUntilComplete(new Sum(10_000, false)));
        }
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals(50_005_000L, loop.runUntilComplete(new Sum(10_000, true)));
            assertEquals(0.5, loop.time(), 1e-9);
        }
    }

    @Test
    void cancellationIsDeliveredAtTheSuspendedAwaitAndFinallyRuns() {
        List<String> log = new ArrayList<>();
        Coroutine<String> body = new Coroutine<>() {
            @Override
            protected void step() throws Throwable {
                switch (state) {
                    case 0:
                        state = 1;
                        if (awaits(Asyncio.sleep(10))) {
                            return;
                        }
                    case 1:
                        try {
                            awaited();
                            log.add("slept");
                        } finally {
                            log.add("finally");
                        }
                        complete("done");
                        return;
                    default:
                        throw new IllegalStateException();
                }
            }
        };
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<String> t = loop.createTask(body);
            loop.callLater(1, () -> t.cancel("stop"));
            CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertEquals("stop", e.getMessage());
            assertTrue(t.isCancelled());
            assertEquals(List.of("finally"), log);
            assertEquals(1.0, loop.time(), 1e-9);
        }
    }

    @Test
    void taskCancelledBeforeFirstStepNeverRunsItsBody() {
        boolean[] ran = {false};
        Coroutine<Void> body = new Coroutine<>() {
            @Override
            protected void step() {
                ran[0] = true;
                complete(null);
            }
        };
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Void> t = loop.createTask(body);
            t.cancel();
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertEquals(false, ran[0]);
        }
    }
}
