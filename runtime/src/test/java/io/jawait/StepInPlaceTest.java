package io.jawait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An awaited child coroutine's first step runs inside its awaiter's await: a child that finishes
 * there does not suspend the awaiter, one that suspends is resumed by the task exactly once per
 * wake-up, and nested first steps never pile up on the Java stack.
 */
class StepInPlaceTest {
    private final EventLoop loop = EventLoop.createVirtual();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Runs everything ready, without reaching any timer. */
    private void settle() {
        loop.runUntilComplete(Asyncio.sleep(1e-6));
    }

    /** Awaits {@code child} once; records whether that await suspended, then returns its value. */
    static final class Awaiter extends Coroutine<Object> {
        final Coroutine<?> child;
        Boolean suspended;
        int steps;

        Awaiter(Coroutine<?> child) {
            this.child = child;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected void step() throws Throwable {
            steps++;
            switch (state) {
                case 0:
                    state = 1;
                    suspended = awaits(child);
                    if (suspended) {
                        return;
                    }
                    // fall through
                case 1:
                    complete(awaited());
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    /** A child whose first step is {@code first} (null: nothing to await) and whose second completes. */
    final class Child extends Coroutine<Object> {
        final String name;
        final Function<Child, Awaitable<?>> first;

        Child(String name, Function<Child, Awaitable<?>> first) {
            this.name = name;
            this.first = first;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected void step() throws Throwable {
            log.add(name + " step " + state);
            switch (state) {
                case 0:
                    state = 1;
                    Awaitable<?> a = first == null ? null : first.apply(this);
                    if (a == null) {
                        complete(name);
                        return;
                    }
                    if (awaits(a)) {
                        return;
                    }
                    // fall through
                case 1:
                    Object v;
                    try {
                        v = awaited();
                    } catch (CancelledException e) {
                        v = "cancelled";
                    }
                    complete(name + ":" + v);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    @Test
    void aChildFinishingInItsFirstStepDoesNotSuspendTheAwaiter() {
        Awaiter a = new Awaiter(new Child("c", null));
        assertEquals("c", loop.runUntilComplete(a));
        assertEquals(Boolean.FALSE, a.suspended);
        assertEquals(1, a.steps, "the awaiter ran on in the same step");
        assertEquals(List.of("c step 0"), log);
    }

    @Test
    void aChildFailingInItsFirstStepFailsTheAwaitWithoutSuspending() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        Coroutine<Object> failing = new Coroutine<>() {
            @Override
            protected void step() {
                throw boom;
            }
        };
        Awaiter a = new Awaiter(failing);
        Task<Object> t = loop.createTask(a);
        settle();
        assertSame(boom, t.exception());
        assertEquals(Boolean.FALSE, a.suspended);
    }

    @Test
    void aChildSuspendedInItsFirstStepIsResumedOnlyByItsWakeUp() {
        Future<String> f = loop.createFuture();
        Awaiter a = new Awaiter(new Child("c", c -> f));
        Task<Object> t = loop.createTask(a);
        settle();
        assertEquals(Boolean.TRUE, a.suspended);
        assertEquals(List.of("c step 0"), log, "the task did not run the child's step again");
        f.setResult("v");
        assertEquals("c:v", loop.runUntilComplete(t));
        assertEquals(List.of("c step 0", "c step 1"), log);
        assertEquals(2, a.steps);
    }

    @Test
    void cancellingTheTaskReachesTheFutureTheChildWaitsOn() {
        Future<String> f = loop.createFuture();
        Task<Object> t = loop.createTask(new Awaiter(new Child("c", c -> f)));
        settle();
        assertTrue(t.cancel());
        assertTrue(f.isCancelled(), "the child is the task's innermost frame");
        assertEquals("c:cancelled", loop.runUntilComplete(t));
    }

    @Test
    void aChildYieldingInItsFirstStepLetsTheLoopTurn() {
        Coroutine<Object> yielder = new Coroutine<>() {
            @Override
            protected void step() throws Throwable {
                log.add("c step " + state);
                if (state == 0) {
                    state = 1;
                    loop.callSoon(() -> log.add("other"));
                    yields();
                    return;
                }
                awaited();
                complete("yielded");
            }
        };
        Awaiter a = new Awaiter(yielder);
        assertEquals("yielded", loop.runUntilComplete(a));
        assertEquals(Boolean.TRUE, a.suspended);
        assertEquals(List.of("c step 0", "other", "c step 1"), log);
    }

    @Test
    void aGrandchildAwaitedInAFirstStepRunsNextAndHandsBackItsValue() {
        Future<String> f = loop.createFuture();
        Child grandchild = new Child("g", g -> f);
        Awaiter a = new Awaiter(new Child("c", c -> grandchild));
        Task<Object> t = loop.createTask(a);
        settle();
        assertEquals(List.of("c step 0", "g step 0"), log);
        f.setResult("v");
        assertEquals("c:g:v", loop.runUntilComplete(t));
        assertEquals(List.of("c step 0", "g step 0", "g step 1", "c step 1"), log);
    }

    /** depth(n) awaits depth(n - 1); each records the Java stack depth of its first step. */
    static final class Depth extends Coroutine<Integer> {
        final int n;
        final List<Integer> depths;
        final Awaitable<?> leaf;

        Depth(int n, List<Integer> depths, Awaitable<?> leaf) {
            this.n = n;
            this.depths = depths;
            this.leaf = leaf;
        }

        @Override
        @SuppressWarnings("fallthrough")
        protected void step() throws Throwable {
            switch (state) {
                case 0:
                    depths.add(Thread.currentThread().getStackTrace().length);
                    state = 1;
                    if (awaits(n == 0 ? leaf : new Depth(n - 1, depths, leaf))) {
                        return;
                    }
                    // fall through
                case 1:
                    awaited();
                    complete(n);
                    return;
                default:
                    throw new IllegalStateException("bad state " + state);
            }
        }
    }

    @Test
    void firstStepsInPlaceKeepTheJavaStackFlat() {
        for (boolean pendingLeaf : new boolean[] {false, true}) {
            List<Integer> depths = new ArrayList<>();
            Awaitable<?> leaf = pendingLeaf ? Asyncio.sleep(1) : Coroutine.done();
            assertEquals(300, loop.runUntilComplete(new Depth(300, depths, leaf)));
            assertEquals(301, depths.size());
            int min = depths.stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = depths.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(max - min <= 10, "first steps nest at most one level: " + min + ".." + max);
        }
    }
}
