package io.jawait.processor.behaviour;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import io.jawait.processor.AsyncProcessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Behaviour harness: compiles a scenario twice in one compilation with the processor (an
 * {@code @Async} class, and a synchronous twin where {@code await} blocks on a private loop), loads
 * the generated class files, runs both in every {@link Mode} on a virtual-time loop and checks
 * that they agree on the result (or failure) and on the trace of {@code log(...)} calls.
 *
 * <p>A scenario is the members of a class with a {@code Mode mode} field, {@code log(Object)},
 * {@code v(x)} (an awaitable of {@code x} in the current mode), {@code ok(x)} (never fails, pending
 * in {@link Mode#PENDING}), {@code fail(why)} (always fails) and an {@code @Async} method
 * {@code run()}.
 */
public final class Harness {
    private static final String TEMPLATE = """
            package t;

            import io.jawait.*;
            import io.jawait.annotation.Async;
            import io.jawait.processor.behaviour.Mode;
            import java.util.*;
            import static io.jawait.Asyncio.*;

            public class NAME {
                final Mode mode;
                final List<String> trace = new ArrayList<>();
                public NAME(Mode mode) { this.mode = mode; }
                void log(Object o) { trace.add(String.valueOf(o)); }
                <T> Coroutine<T> v(T value) { return mode.of(value); }
                <T> Coroutine<T> ok(T value) { return mode == Mode.FAILING ? Coroutine.of(value) : mode.of(value); }
                <T> Coroutine<T> fail(String why) { return Coroutine.failed(new IllegalStateException(why)); }
            MEMBERS
            }
            """;

    /** What one run produced. */
    public record Outcome(Object value, String failure, List<String> trace, double time) {
        @Override
        public String toString() {
            return (failure != null ? "failed " + failure : "= " + value) + " trace " + trace;
        }
    }

    private Harness() {
    }

    /** Compiles sources with the processor and checks it succeeded. */
    public static Compilation compile(JavaFileObject... sources) {
        Compilation c = Compiler.javac().withProcessors(new AsyncProcessor()).compile(sources);
        assertWithMessage("compilation: %s", c.diagnostics()).that(c.status()).isEqualTo(Compilation.Status.SUCCESS);
        return c;
    }

    /**
     * Runs a scenario in the three modes against its synchronous twin.
     *
     * @param members the scenario's members (see the class comment)
     * @return the outcomes of the compiled version by mode
     */
    public static Map<Mode, Outcome> check(String members) {
        String async = TEMPLATE.replace("NAME", "AsyncSubject").replace("MEMBERS", members);
        String sync = TEMPLATE.replace("NAME", "SyncSubject")
                .replace("MEMBERS", members.replace("@Async", "").replaceAll("\\bawait\\(", "syncAwait(")
                        + "\n    static <T> T syncAwait(Awaitable<T> a) { return Mode.syncAwait(a); }"
                        + "\n    static <T> T syncAwait(java.util.concurrent.CompletionStage<T> s) {"
                        + " return s.toCompletableFuture().join(); }");
        Compilation c = compile(JavaFileObjects.forSourceString("t.AsyncSubject", async),
                JavaFileObjects.forSourceString("t.SyncSubject", sync));
        ClassLoader loader = loader(c);
        Map<Mode, Outcome> outcomes = new HashMap<>();
        for (Mode mode : Mode.values()) {
            Outcome compiled = run(loader, "t.AsyncSubject", mode);
            Outcome expected = run(loader, "t.SyncSubject", mode);
            String both = "in mode " + mode + ": compiled " + compiled + ", synchronous " + expected;
            assertEquals(expected.value(), compiled.value(), "result " + both);
            assertEquals(expected.failure(), compiled.failure(), "failure " + both);
            assertEquals(expected.trace(), compiled.trace(), "trace " + both);
            outcomes.put(mode, compiled);
        }
        return outcomes;
    }

    /**
     * Runs a scenario in the three modes without a synchronous twin, for semantics that differ
     * from blocking code by design (a coroutine's failure surfaces where it is awaited).
     *
     * @param members the scenario's members
     * @return the outcomes by mode
     */
    public static Map<Mode, Outcome> compiledOnly(String members) {
        String async = TEMPLATE.replace("NAME", "AsyncSubject").replace("MEMBERS", members);
        ClassLoader loader = loader(compile(JavaFileObjects.forSourceString("t.AsyncSubject", async)));
        Map<Mode, Outcome> outcomes = new HashMap<>();
        for (Mode mode : Mode.values()) {
            outcomes.put(mode, run(loader, "t.AsyncSubject", mode));
        }
        return outcomes;
    }

    /** Runs {@code new cls(mode).run()} to completion on a fresh virtual-time loop. */
    @SuppressWarnings("unchecked")
    public static Outcome run(ClassLoader loader, String cls, Mode mode) {
        try {
            Class<?> type = loader.loadClass(cls);
            var constructor = type.getDeclaredConstructor(Mode.class);
            constructor.setAccessible(true);
            Object subject = constructor.newInstance(mode);
            var method = type.getDeclaredMethod("run");
            method.setAccessible(true);
            var traceField = type.getDeclaredField("trace");
            traceField.setAccessible(true);
            List<String> trace = (List<String>) traceField.get(subject);
            try (EventLoop loop = EventLoop.createVirtual()) {
                Object value = null;
                String failure = null;
                try {
                    // The sync twin runs its body in the call; the compiled one only when awaited.
                    Coroutine<Object> coroutine = (Coroutine<Object>) method.invoke(subject);
                    value = loop.runUntilComplete(coroutine);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    failure = e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
                } catch (Throwable t) {
                    failure = t.getClass().getName() + ": " + t.getMessage();
                }
                return new Outcome(value, failure, new ArrayList<>(trace), loop.time());
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** @return a class loader over the compilation's class files, child of the test's loader */
    public static ClassLoader loader(Compilation c) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                String name = f.toUri().getPath().replaceFirst("^.*?/CLASS_OUTPUT/", "").replace(".class", "")
                        .replace('/', '.');
                try (InputStream in = f.openInputStream()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    classes.put(name, bytes.toByteArray());
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return new ClassLoader(Harness.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }
}
