package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The protected frame protocol compiled code targets: awaits/awaited, awaitsThen with
 * resumeContinuation, yields, complete, and what happens when a machine breaks the rules.
 */
class ProtocolTest {
    private final EventLoop loop = EventLoop.createVirtual();

    /** {@code return "<" + await(a) + "," + await(b) + ">";} compiled with continuations. */
    static final class Concat extends Coroutine<String> {
        private final Awaitable<String> a;
        private final Awaitable<String> b;
        final List<Boolean> suspensions = new ArrayList<>();

        Concat(Awaitable<String> a, Awaitable<String> b) {
            this.a = a;
            this.b = b;
        }

        @Override
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    state = 1;
                    boolean suspended = awaitsThen(a, x -> {
                        String left = "<" + x + ",";
                        boolean inner = awaitsThen(b, y -> complete(left + y + ">"));
                        suspensions.add(inner);
                    });
                    suspensions.add(suspended);
                    return;
                case 1:
                    suspensions.add(resumeContinuation());
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    @Test
    void awaitsThenRunsTheContinuationAtOnceForDoneAwaitables() {
        Concat c = new Concat(Coroutine.of("a"), Coroutine.of("b"));
        try (loop) {
            assertEquals("<a,b>", loop.runUntilComplete(c));
        }
        assertEquals(List.of(false, false), c.suspensions);
    }

    @Test
    void awaitsThenKeepsTheContinuationAcrossSuspensions() {
        Concat c = new Concat(Asyncio.sleep(1, "a"), Asyncio.sleep(2, "b"));
        try (loop) {
            assertEquals("<a,b>", loop.runUntilComplete(c));
            assertEquals(3.0, loop.time(), 1e-9);
        }
        // Step 1: the outer await suspends. Step 2: the continuation's inner await suspends, and
        // resumeContinuation reports it. Step 3: the inner continuation completes the machine.
        assertEquals(List.of(true, true, true, false), c.suspensions);
    }

    @Test
    void failureInsideAContinuationSurfacesUnwrapped() {
        java.io.IOException io = new java.io.IOException("io");
        try (loop) {
            Concat c = new Concat(Asyncio.sleep(1, "a"), Coroutine.failed(io));
            assertSame(io, assertThrows(java.io.IOException.class, () -> loop.runUntilComplete(c)));
        }
    }

    @Test
    void yieldsLetsEveryReadyCallbackRunOnce() {
        Order order = new Order();
        try (loop) {
            loop.runUntilComplete(new Coroutine<Void>() {
                @Override
                protected void step() throws Throwable {
                    switch (state) {
                        case 0:
                            loop.callSoon(() -> order.expect(2));
                            order.expect(1);
                            state = 1;
                            assertTrue(yields());
                            return;
                        case 1:
                            assertEquals(null, this.<Object>awaited());
                            order.expect(3);
                            complete(null);
                            return;
                        default:
                            throw new IllegalStateException();
                    }
                }
            });
        }
        order.finish(4);
    }

    @Test
    void aMachineThatReturnsWithoutSuspendingOrCompletingFailsClearly() {
        try (loop) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(new Coroutine<Void>() {
                @Override
                protected void step() {
                    state = 7;
                }
            }));
            assertTrue(e.getMessage().contains("returned in state 7 without suspending or completing"), e.getMessage());
        }
    }

    @Test
    void awaitedWithoutAnAwaitAndResumeWithoutAContinuationAreUsageErrors() {
        try (loop) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(new Coroutine<Void>() {
                @Override
                protected void step() throws Throwable {
                    awaited();
                }
            }));
            assertTrue(e.getMessage().startsWith("awaited() called with no await in progress"), e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(new Coroutine<Void>() {
                @Override
                protected void step() throws Throwable {
                    resumeContinuation();
                }
            }));
            assertTrue(e.getMessage().startsWith("no continuation to resume"), e.getMessage());
        }
    }

    @Test
    void awaitNullIsANullPointerExceptionAtTheAwait() {
        try (loop) {
            Object caught = loop.runUntilComplete(new Script<>().await(() -> null).onError(NullPointerException.class, Throwable::getMessage));
            assertEquals("await(null)", caught);
        }
    }

    @Test
    void completedCoroutinesAreSingleUseToo() {
        Coroutine<Integer> one = Coroutine.of(1);
        Coroutine<Void> done = Coroutine.done();
        Coroutine<Integer> failed = Coroutine.failed(new IllegalStateException("x"));
        try (loop) {
            assertEquals(1, loop.runUntilComplete(one));
            assertEquals(null, loop.runUntilComplete(done));
            assertEquals("x", assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(failed)).getMessage());
            assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(one));
        }
        assertThrows(NullPointerException.class, () -> Coroutine.failed(null));
        assertEquals("Coroutine.of(1)", one.toString());
    }

    @Test
    void asyncioAwaitOutsideCompiledCodeNamesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Asyncio.await(Coroutine.of(1)));
        assertTrue(e.getMessage().contains("ProtocolTest"), e.getMessage());
        assertTrue(e.getMessage().contains("@Async"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Asyncio.await(java.util.concurrent.CompletableFuture.completedFuture(1)));
        loop.close();
    }

    @Test
    void aCoroutineIsColdUntilAwaited() {
        boolean[] ran = {false};
        Coroutine<Object> c = new Script<>().run(() -> ran[0] = true);
        assertFalse(ran[0]);
        try (loop) {
            loop.runUntilComplete(c);
        }
        assertTrue(ran[0]);
    }
}
