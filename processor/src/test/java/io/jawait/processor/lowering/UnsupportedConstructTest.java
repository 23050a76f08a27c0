package io.jawait.processor.lowering;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jawait.processor.AsyncProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Constructs the compiler does not lower yet are reported at their line, never miscompiled. */
class UnsupportedConstructTest {
    private static final String HEADER = """
            package t;
            import io.jawait.*;
            import io.jawait.annotation.Async;
            import static io.jawait.Asyncio.*;
            """;

    private static Compilation compile(JavaFileObject source) {
        return Compiler.javac().withProcessors(new AsyncProcessor()).compile(source);
    }

    @Test
    void awaitInAnArrayInitializerIsReportedAtTheAwait() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.A", HEADER + """
                class A {
                    @Async Coroutine<int[]> m() {
                        int[] a = new int[] {1,
                            await(Coroutine.of(2))};
                        return Coroutine.of(a);
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct]").inFile(f).onLine(8);
    }

    @Test
    void asyncMethodInAnInterfaceIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.I", HEADER + """
                interface I {
                    @Async default Coroutine<Integer> m() {
                        return Coroutine.of(await(Coroutine.of(1)));
                    }
                }
                """);
        assertThat(compile(f)).hadErrorContaining("[UnsupportedConstruct] an @Async method in an interface")
                .inFile(f).onLine(6);
    }

    @Test
    void asyncMethodInALocalClassIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.L", HEADER + """
                class L {
                    void outer() {
                        class Local {
                            @Async Coroutine<Integer> m() { return Coroutine.of(1); }
                        }
                    }
                }
                """);
        assertThat(compile(f)).hadErrorContaining("[UnsupportedConstruct] an @Async method in a local")
                .inFile(f).onLine(8);
    }

    @Test
    void awaitInASwitchExpressionIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.S", HEADER + """
                class S {
                    @Async Coroutine<Integer> m(int k) {
                        int r = switch (k) {
                            case 1 -> await(Coroutine.of(1));
                            default -> 2;
                        };
                        return Coroutine.of(r);
                    }
                }
                """);
        assertThat(compile(f)).hadErrorContaining("[UnsupportedConstruct]").inFile(f).onLine(8);
    }
}
