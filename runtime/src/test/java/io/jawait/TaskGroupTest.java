package io.jawait;

import static io.jawait.Blocks.using;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** TaskGroup, modelled on CPython's test_taskgroups, on virtual time. */
class TaskGroupTest {
    private final EventLoop loop = EventLoop.createVirtual();

    private Object run(Awaitable<?> c) {
        try (loop) {
            return loop.runUntilComplete(c);
        }
    }

    private static Coroutine<Object> failAfter(double seconds, Throwable failure) {
        return new Script<>().await(() -> Asyncio.sleep(seconds)).fail(() -> failure);
    }

    private static Coroutine<Object> sleepLogged(double seconds, Object value, List<String> log, String name) {
        return new Script<>().await(() -> Asyncio.sleep(seconds))
                .onError(CancelledException.class, e -> {
                    log.add(name + " cancelled");
                    throw e;
                })
                .map(v -> value);
    }

    @Test
    void exitWaitsForAllChildrenAndTheirResultsAreThere() {
        List<Task<Object>> tasks = new ArrayList<>();
        Object r = run(new Script<>().await(() -> using(TaskGroup::open, tg -> new Script<>().run(() -> {
            tasks.add(tg.createTask(Asyncio.sleep(1, 42)));
            tasks.add(tg.createTask(Asyncio.sleep(2, 11), "second"));
        }))).map(v -> (Integer) tasks.get(0).result() + (Integer) tasks.get(1).result()));
        assertEquals(53, r);
        assertEquals(2.0, loop.time(), 1e-9);
        assertEquals("second", tasks.get(1).getName());
    }

    @Test
    void aChildFailureCancelsTheOthersAndTheCodeAfterTheBlockDoesNotRun() {
        // test_taskgroup_04
        List<String> log = new ArrayList<>();
        ArithmeticException boom = new ArithmeticException("/ by zero");
        Task<?>[] t2 = {null};
        Task<Object> runner = loop.createTask(new Script<>().await(() -> using(TaskGroup::open, tg -> new Script<>().run(() -> {
            tg.createTask(failAfter(0.1, boom));
            t2[0] = tg.createTask(sleepLogged(1, null, log, "t2"));
        }))).run(() -> log.add("after block")));
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(runner));
        assertEquals(List.of(boom), e.getExceptions());
        assertSame(boom, e.getSuppressed()[0]);
        assertEquals(List.of("t2 cancelled"), log);
        assertTrue(t2[0].isCancelled());
    }

    @Test
    void everyFailureIsCollected() {
        // test_taskgroup_06
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(using(TaskGroup::open, tg -> new Script<>().run(() -> {
            for (int i = 0; i < 3; i++) {
                tg.createTask(failAfter(1, new ArithmeticException("#" + i)));
            }
        }))));
        assertEquals(3, e.getExceptions().size());
        assertEquals("unhandled errors in a TaskGroup (3 sub-exceptions)", e.getMessage());
    }

    @Test
    void aChildFailureCancelsTheBodyAndTheGroupWithdrawsThatCancellation() {
        // test_taskgroup_07 and the uncancel bookkeeping: code after the block can await again.
        List<String> log = new ArrayList<>();
        Object r = run(new Script<>().await(() -> using(TaskGroup::open, tg -> new Script<>()
                .run(() -> tg.createTask(failAfter(1, new ArithmeticException())))
                .await(() -> Asyncio.sleep(10))
                .onError(CancelledException.class, e -> {
                    log.add("body cancelled at " + Asyncio.getRunningLoop().time());
                    throw e;
                })))
                .onError(TaskGroupException.class, e -> {
                    log.add("group failed, cancelling=" + Asyncio.currentTask().cancelling());
                    return null;
                })
                .await(() -> Asyncio.sleep(1, "went on")));
        assertEquals("went on", r);
        assertEquals(List.of("body cancelled at 1.0", "group failed, cancelling=0"), log);
        assertEquals(2.0, loop.time(), 1e-9);
    }

    @Test
    void bodyThatSwallowsTheGroupsCancellationStillGetsTheGroupFailure() {
        // test_taskgroup_18
        assertThrows(TaskGroupException.class, () -> run(using(TaskGroup::open, tg -> new Script<>()
                .run(() -> tg.createTask(failAfter(0.1, new ArithmeticException())))
                .await(() -> Asyncio.sleep(10))
                .onError(CancelledException.class, e -> 42))));
    }

    @Test
    void bodyFailureCancelsTheChildrenAndIsReportedInTheGroup() {
        // test_taskgroup_09
        List<Task<Object>> tasks = new ArrayList<>();
        IllegalStateException bodyFailure = new IllegalStateException("body");
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(using(TaskGroup::open, tg -> new Script<>()
                .run(() -> {
                    tasks.add(tg.createTask(Asyncio.sleep(1, 42)));
                    tasks.add(tg.createTask(Asyncio.sleep(2, 11)));
                })
                .await(() -> Asyncio.sleep(0.1))
                .fail(() -> bodyFailure))));
        assertEquals(List.of(bodyFailure), e.getExceptions());
        assertTrue(tasks.get(0).isCancelled());
        assertTrue(tasks.get(1).isCancelled());
        assertEquals(0.1, loop.time(), 1e-9);
    }

    @Test
    void bodyAndChildFailuresAreReportedTogether() {
        ArithmeticException child = new ArithmeticException("child");
        IllegalStateException body = new IllegalStateException("body");
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(using(TaskGroup::open, tg -> new Script<>()
                .run(() -> tg.createTask(failAfter(1, child)))
                .await(() -> Asyncio.sleep(10))
                .onError(CancelledException.class, c -> {
                    throw body;
                }))));
        assertEquals(List.of(child, body), e.getExceptions());
    }

    @Test
    void externalCancellationPropagatesAfterTheChildrenFinish() {
        // test_taskgroup_14 (no errors): the cancellation comes out once children are done.
        List<String> log = new ArrayList<>();
        Task<Object> runner = loop.createTask(using(TaskGroup::open, tg -> new Script<>()
                .run(() -> {
                    for (int i = 0; i < 3; i++) {
                        String name = "c" + i;
                        tg.createTask(new Script<>().await(() -> Asyncio.sleep(10))
                                .andFinally(() -> Asyncio.sleep(1))
                                .finallyRun(() -> log.add(name + " done at " + Asyncio.getRunningLoop().time())));
                    }
                })
                .await(() -> Asyncio.sleep(10))));
        loop.callLater(1, runner::cancel);
        assertThrows(CancelledException.class, () -> run(runner));
        assertTrue(runner.isCancelled());
        assertEquals(List.of("c0 done at 2.0", "c1 done at 2.0", "c2 done at 2.0"), log);
    }

    @Test
    void errorsRaisedWhileBeingCancelledTakePriorityOverTheCancellation() {
        // test_taskgroup_08
        ArithmeticException boom = new ArithmeticException();
        Task<Object> runner = loop.createTask(using(TaskGroup::open, tg -> new Script<>()
                .run(() -> {
                    for (int i = 0; i < 5; i++) {
                        tg.createTask(new Script<>().await(() -> Asyncio.sleep(10)).finallyRun(() -> {
                            throw boom;
                        }));
                    }
                })
                .await(() -> Asyncio.sleep(10))));
        loop.callLater(0.1, runner::cancel);
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(runner));
        assertEquals(5, e.getExceptions().size());
        // The outside cancellation is kept pending for the parent's next await.
        assertEquals(1, runner.cancelling());
    }

    @Test
    void anOutsideCancellationSurvivesTheGroupFailureAndReachesTheNextAwait() {
        // Python 3.13 (gh-116720): the group re-arms the parent's pending cancellation.
        List<String> log = new ArrayList<>();
        Task<Object> runner = loop.createTask(new Script<>()
                .await(() -> using(TaskGroup::open, tg -> new Script<>()
                        .run(() -> tg.createTask(new Script<>().await(() -> Asyncio.sleep(10)).finallyRun(() -> {
                            throw new ArithmeticException();
                        })))
                        .await(() -> Asyncio.sleep(10))))
                .onError(TaskGroupException.class, e -> log.add("group failed"))
                .await(() -> Asyncio.sleep(1))
                .run(() -> log.add("slept")));
        loop.callLater(0.1, runner::cancel);
        assertThrows(CancelledException.class, () -> run(runner));
        assertEquals(List.of("group failed"), log);
        assertEquals(0.1, loop.time(), 1e-9);
    }

    @Test
    void nestedGroupsWithExternalCancellation() {
        // test_taskgroup_11: the inner group's failure becomes one error of the outer group.
        Task<Object> runner = loop.createTask(using(TaskGroup::open, outer -> using(TaskGroup::open, inner -> new Script<>()
                .run(() -> {
                    for (int i = 0; i < 5; i++) {
                        inner.createTask(new Script<>().await(() -> Asyncio.sleep(10)).finallyRun(() -> {
                            throw new ArithmeticException();
                        }));
                    }
                })
                .await(() -> Asyncio.sleep(10)))));
        loop.callLater(0.1, runner::cancel);
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(runner));
        assertEquals(1, e.getExceptions().size());
        TaskGroupException innerGroup = assertInstanceOf(TaskGroupException.class, e.getExceptions().get(0));
        assertEquals(5, innerGroup.getExceptions().size());
    }

    @Test
    void aCancelledChildIsNotAFailure() {
        Object r = run(new Script<>().await(() -> using(TaskGroup::open, tg -> new Script<>().run(() -> {
            Task<Void> doomed = tg.createTask(Asyncio.sleep(10));
            tg.createTask(Asyncio.sleep(2));
            Asyncio.getRunningLoop().callLater(1, doomed::cancel);
        }))).map(v -> "fine"));
        assertEquals("fine", r);
        assertEquals(2.0, loop.time(), 1e-9);
    }

    @Test
    void childrenCanBeAddedFromAChildWhileTheGroupWaits() {
        List<String> log = new ArrayList<>();
        run(using(TaskGroup::open, tg -> new Script<>().run(() -> tg.createTask(new Script<>()
                .await(() -> Asyncio.sleep(1))
                .run(() -> tg.createTask(new Script<>().await(() -> Asyncio.sleep(1)).run(() -> log.add("grandchild"))))))));
        assertEquals(List.of("grandchild"), log);
        assertEquals(2.0, loop.time(), 1e-9);
    }

    @Test
    void createTaskAfterExitOrWhileAbortingIsRejected() {
        TaskGroup[] group = {null};
        List<String> messages = new ArrayList<>();
        run(new Script<>()
                .await(() -> using(() -> group[0] = TaskGroup.open(), tg -> Asyncio.sleep(0)))
                .run(() -> messages.add(assertThrows(IllegalStateException.class,
                        () -> group[0].createTask(Asyncio.sleep(1))).getMessage()))
                .await(() -> using(TaskGroup::open, tg -> new Script<>()
                        .run(() -> tg.createTask(failAfter(1, new ArithmeticException())))
                        .await(() -> Asyncio.sleep(5))
                        .onError(CancelledException.class, e -> {
                            messages.add(assertThrows(IllegalStateException.class,
                                    () -> tg.createTask(Asyncio.sleep(1))).getMessage());
                            throw e;
                        })))
                .onError(TaskGroupException.class, e -> null));
        assertEquals(2, messages.size());
        assertTrue(messages.get(0).endsWith("is finished: cannot create a task"), messages.get(0));
        assertTrue(messages.get(1).endsWith("is shutting down: cannot create a task"), messages.get(1));
    }

    @Test
    void openOutsideATaskIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class, TaskGroup::open);
        assertTrue(e.getMessage().contains("inside a task"), e.getMessage());
        loop.close();
    }

    @Test
    void aTimeoutAroundAGroupCancelsItsChildrenAndRaisesTimeout() {
        List<String> log = new ArrayList<>();
        assertThrows(TimeoutException.class, () -> run(using(() -> Asyncio.timeout(1), t -> using(TaskGroup::open, tg -> new Script<>()
                .run(() -> {
                    tg.createTask(sleepLogged(10, null, log, "a"));
                    tg.createTask(sleepLogged(10, null, log, "b"));
                })))));
        assertEquals(List.of("a cancelled", "b cancelled"), log);
        assertEquals(1.0, loop.time(), 1e-9);
    }

    @Test
    void exitingTwiceIsRejected() {
        assertThrows(IllegalStateException.class, () -> run(new Script<>().awaitWith(v -> {
            TaskGroup tg = TaskGroup.open();
            return new Script<>().await(tg::closeAsync).await(tg::closeAsync);
        })));
    }

    @Test
    void tenThousandChildren() {
        int n = 10_000;
        List<Task<Object>> tasks = new ArrayList<>(n);
        int[] running = {0};
        int[] maxRunning = {0};
        Object total = run(new Script<>().await(() -> using(TaskGroup::open, tg -> new Script<>().run(() -> {
            for (int i = 0; i < n; i++) {
                int value = i;
                tasks.add(tg.createTask(new Script<>()
                        .run(() -> maxRunning[0] = Math.max(maxRunning[0], ++running[0]))
                        .await(() -> Asyncio.sleep((value % 7) * 0.5))
                        .map(v -> value)
                        .finallyRun(() -> running[0]--)));
            }
        }))).map(v -> {
            long sum = 0;
            for (Task<Object> t : tasks) {
                assertTrue(t.isDone());
                sum += (Integer) t.result();
            }
            assertEquals(1, Asyncio.allTasks().size(), "only the main task is left");
            return sum;
        }));
        assertEquals((long) n * (n - 1) / 2, total);
        assertEquals(0, running[0]);
        assertEquals(n, maxRunning[0], "all children were started before any finished");
        assertEquals(3.0, loop.time(), 1e-9);
    }

    @Test
    void tenThousandChildrenOneFails() {
        int n = 10_000;
        List<Task<Object>> tasks = new ArrayList<>(n);
        ArithmeticException boom = new ArithmeticException("one of many");
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> run(using(TaskGroup::open, tg -> new Script<>().run(() -> {
            for (int i = 0; i < n; i++) {
                tasks.add(tg.createTask(i == n / 2 ? failAfter(1, boom) : Asyncio.sleep(1 + i % 5, i)));
            }
        }))));
        assertEquals(List.of(boom), e.getExceptions());
        int cancelled = 0;
        for (Task<Object> t : tasks) {
            assertTrue(t.isDone());
            cancelled += t.isCancelled() ? 1 : 0;
        }
        // Children due at t=1 finish in the same iteration as the failure or before it is seen;
        // everything due later is cancelled.
        int dueLater = (int) tasks.stream().filter(t -> !t.isCancelled() && !t.isFailed()).count();
        assertEquals(n - 1, cancelled + dueLater);
        assertTrue(cancelled >= n * 4 / 5 - 1, "children due later were cancelled: " + cancelled);
        assertEquals(1.0, loop.time(), 1e-9);
    }
}
