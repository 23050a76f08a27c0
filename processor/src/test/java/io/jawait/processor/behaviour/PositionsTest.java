package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.JavaFileObjects;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import org.junit.jupiter.api.Test;

/**
 * Positions: copied user code keeps its lines and synthesized code takes the line of the user
 * statement it was generated for, so stack traces point at the user's source.
 */
class PositionsTest {
    private static final String SOURCE = """
            package t;
            import io.jawait.*;
            import io.jawait.annotation.Async;
            import static io.jawait.Asyncio.*;
            public class P {
                @Async public Coroutine<String> user() {
                    await(sleep(0.01));
                    String s = null;
                    return Coroutine.of(s.trim());
                }
                @Async public Coroutine<String> synthesized() {
                    await(sleep(0.01));
                    Coroutine<String> none = null;
                    String x = "x";
                    x += await(none);
                    return Coroutine.of(x);
                }
            }
            """;

    @Test
    void stackTracesPointAtTheUsersLines() throws Exception {
        ClassLoader loader = Harness.loader(Harness.compile(JavaFileObjects.forSourceString("t.P", SOURCE)));
        Object p = loader.loadClass("t.P").getConstructor().newInstance();
        assertEquals(9, machineLine(failure(p, "user")), "user code: the line of s.trim()");
        assertEquals(15, machineLine(failure(p, "synthesized")), "synthesized await: the line of its statement");
    }

    @SuppressWarnings("unchecked")
    private static Throwable failure(Object p, String method) throws Exception {
        Coroutine<String> c = (Coroutine<String>) p.getClass().getMethod(method).invoke(p);
        try (EventLoop loop = EventLoop.createVirtual()) {
            loop.runUntilComplete(c);
        } catch (NullPointerException expected) {
            return expected;
        }
        throw new AssertionError("no failure");
    }

    private static int machineLine(Throwable t) {
        StackTraceElement frame = null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().contains("$Machine") && e.getMethodName().equals("step")) {
                frame = e;
                break;
            }
        }
        assertNotNull(frame, "a frame of the machine's step()");
        assertEquals("P.java", frame.getFileName());
        return frame.getLineNumber();
    }
}
