package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a task waits on is what its innermost frame awaits (there is no separate field): cancel
 * must reach that future while it is pending, and become a must-cancel once it is done but the
 * task has not resumed yet (CPython's {@code _fut_waiter} then {@code _must_cancel}).
 */
class TaskWaitingOnTest {

    @Test
    void cancelAfterTheFutureCompletedButBeforeTheWakeUpIsDeliveredAtThatAwait() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<String> f = loop.createFuture();
            List<String> log = new ArrayList<>();
            Task<Object> t = loop.createTask(new Script<>()
                    .await(() -> f)
                    .run(() -> log.add("resumed normally"))
                    .onError(CancelledException.class, e -> {
                        log.add("cancelled: " + e.getMessage());
                        throw e;
                    }));
            loop.callLater(1, () -> {
                f.setResult("value");     // schedules the task's wake-up...
                assertTrue(t.cancel("late")); // ...which must now deliver the cancellation
                assertFalse(f.isCancelled());
            });
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertEquals(List.of("cancelled: late"), log);
            assertEquals("value", f.result());
        }
    }

    @Test
    void aChildTaskThatSwallowsACancellationIsReachedAgainByTheNextOne() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            int[] swallowed = {0};
            Task<Object> child = loop.createTask(new Script<>()
                    .await(() -> Asyncio.sleep(10))
                    .onError(CancelledException.class, e -> {
                        swallowed[0]++;
                        return "first swallowed";
                    })
                    .andFinally(() -> Asyncio.sleep(10)));
            Task<Object> parent = loop.createTask(new Script<>().await(() -> child));
            loop.callLater(1, parent::cancel); // reaches the child's first sleep, which swallows it
            loop.callLater(2, parent::cancel); // the parent still waits on the child: reaches its finally sleep
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(parent));
            assertEquals(1, swallowed[0]);
            assertTrue(child.isCancelled());
            assertEquals(2.0, loop.time(), 1e-9);
        }
    }

    @Test
    void cancelWhileAwaitingInsideAContinuationReachesThatAwait() {
        try (EventLoop loop = EventLoop.createVirtual()) {
            Future<Integer> first = loop.createFuture();
            Future<Integer> second = loop.createFuture();
            Coroutine<Integer> sum = new Coroutine<>() {
                @Override
                protected void step() throws Throwable {
                    switch (state) {
                        case 0:
                            state = 1;
                            // first + await(second), with first awaited in an expression
                            if (awaitsThen(first, a -> {
                                state = 2;
                                if (awaitsThen(second, b -> complete(a + b))) {
                                    return;
                                }
                            })) {
                                return;
                            }
                            return;
                        case 1:
                        case 2:
                            resumeContinuation();
                            return;
                        default:
                            throw new IllegalStateException("bad state " + state);
                    }
                }
            };
            Task<Integer> t = loop.createTask(sum);
            loop.callLater(1, () -> first.setResult(1));
            loop.callLater(2, () -> t.cancel("in continuation"));
            CancelledException e = assertThrows(CancelledException.class, () -> loop.runUntilComplete(t));
            assertEquals("in continuation", e.getMessage());
            assertTrue(second.isCancelled());
        }
    }
}
