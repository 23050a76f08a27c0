package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import io.jawait.CancelledException;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.Task;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancellation is an exception at the suspended await (finally blocks run and may await; a caught
 * cancellation lets the task complete), and long chains of awaits never grow the Java stack
 * (checklist #51, #53, #57).
 */
class CancellationAndDepthTest {
    private static final String SOURCE = """
            package t;
            import io.jawait.*;
            import io.jawait.annotation.Async;
            import java.util.*;
            import static io.jawait.Asyncio.*;
            public class C {
                public final List<String> trace = new ArrayList<>();
                @Async public Coroutine<String> cleanup() {
                    try {
                        await(sleep(10));
                        return Coroutine.of("not cancelled");
                    } finally {
                        await(sleep(0));
                        trace.add("finally ran");
                    }
                }
                @Async public Coroutine<Integer> swallow() {
                    try {
                        await(sleep(10));
                    } catch (CancelledException e) {
                        trace.add("caught " + e.getClass().getSimpleName());
                        return Coroutine.of(await(sleep(0, 42)));
                    }
                    return Coroutine.of(0);
                }
                @Async public Coroutine<Long> sum(int n, boolean pendingLeaf) {
                    if (n == 0) return Coroutine.of(await(pendingLeaf ? sleep(0.5, 0L) : Coroutine.of(0L)));
                    return Coroutine.of(n + await(sum(n - 1, pendingLeaf)));
                }
                @Async public Coroutine<Long> loop(int n) {
                    long total = 0;
                    for (int i = 0; i < n; i++) total += await(Coroutine.of(1L));
                    return Coroutine.of(total);
                }
            }
            """;
    private static ClassLoader loader;

    @BeforeAll
    static void compile() {
        loader = Harness.loader(Harness.compile(JavaFileObjects.forSourceString("t.C", SOURCE)));
    }

    private static Object subject() throws Exception {
        return loader.loadClass("t.C").getConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    private static <T> Coroutine<T> call(Object subject, String method, Object... args) throws Exception {
        for (var m : subject.getClass().getMethods()) {
            if (m.getName().equals(method)) {
                return (Coroutine<T>) m.invoke(subject, args);
            }
        }
        throw new AssertionError(method);
    }

    @SuppressWarnings("unchecked")
    private static List<String> trace(Object subject) throws Exception {
        return (List<String>) subject.getClass().getField("trace").get(subject);
    }

    @Test
    void cancelledWhileSuspendedRunsTheAwaitingFinally() throws Exception {
        Object c = subject();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<String> task = loop.createTask(call(c, "cleanup"));
            loop.callLater(1, () -> task.cancel());
            assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
            assertTrue(task.isCancelled());
        }
        assertEquals(List.of("finally ran"), trace(c));
    }

    @Test
    void caughtCancellationLetsTheTaskComplete() throws Exception {
        Object c = subject();
        try (EventLoop loop = EventLoop.createVirtual()) {
            Task<Integer> task = loop.createTask(call(c, "swallow"));
            loop.callLater(1, () -> task.cancel());
            assertEquals(42, loop.runUntilComplete(task));
        }
        assertEquals(List.of("caught CancelledException"), trace(c));
    }

    @Test
    void deepRecursionAndLongLoopsDoNotGrowTheStack() throws Exception {
        Object c = subject();
        try (EventLoop loop = EventLoop.createVirtual()) {
            assertEquals(50_005_000L, loop.runUntilComplete(CancellationAndDepthTest.<Long>call(c, "sum", 10_000, false)));
            assertEquals(50_005_000L, loop.runUntilComplete(CancellationAndDepthTest.<Long>call(c, "sum", 10_000, true)));
            assertEquals(1_000_000L, loop.runUntilComplete(CancellationAndDepthTest.<Long>call(c, "loop", 1_000_000)));
        }
    }
}
