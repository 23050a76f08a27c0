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
    void thisInAnAsyncMethodOfAnAnonymousClassIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.L", HEADER + """
                class L {
                    Object outer() {
                        return new Object() {
                            @Async Coroutine<String> m() {
                                await(Coroutine.of(1));
                                return Coroutine.of(this.toString());
                            }
                        };
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] 'this' here would need the anonymous class's this")
                .inFile(f).onLine(10);
    }

    @Test
    void awaitInABlockArmOfASwitchExpressionInsideALargerExpressionIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.S", HEADER + """
                class S {
                    @Async Coroutine<Integer> m(int k) {
                        int r = 1 + switch (k) {
                            case 1 -> {
                                int x = await(Coroutine.of(1));
                                yield x;
                            }
                            default -> 2;
                        };
                        return Coroutine.of(r);
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] an await in a block of a switch expression")
                .inFile(f).onLine(9);
    }

    @Test
    void anonymousClassLocalLivingAcrossAnAwaitAsksForAType() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.N", HEADER + """
                class N {
                    @Async Coroutine<Integer> m() {
                        var counter = new Object() { int hits; };
                        await(Coroutine.of(1));
                        return Coroutine.of(counter.hits);
                    }
                }
                """);
        assertThat(compile(f)).hadErrorContaining("[NonDenotableLocal]").inFile(f).onLine(7);
    }

    @Test
    void localClassInALoweredBlockIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.K", HEADER + """
                class K {
                    @Async Coroutine<String> m() {
                        int base = 1;
                        class Pair { int a = base; }
                        await(Coroutine.of(1));
                        return Coroutine.of("" + new Pair().a);
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] a local class declared directly in a block that awaits,"
                + " and using 'base' of the method, is not supported yet").inFile(f).onLine(8);
    }

    @Test
    void localRecordDeclaredInASwitchCaseThatAwaitsIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.K", HEADER + """
                class K {
                    @Async Coroutine<String> m(int k) {
                        switch (k) {
                            case 1:
                                record Pair(int a) { }
                                await(Coroutine.of(1));
                                return Coroutine.of(new Pair(1).toString());
                            default:
                                return Coroutine.of("none");
                        }
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] a local record declared directly in a switch case"
                + " that awaits is not supported yet").inFile(f).onLine(9);
    }

    @Test
    void localRecordWhoseNameMeansAnotherTypeElsewhereIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.K", HEADER + """
                class K {
                    record Pair(String s) { }
                    @Async Coroutine<String> m() {
                        Pair outer = new Pair("outer");
                        {
                            record Pair(int a, int b) { }
                            await(Coroutine.of(1));
                            outer = new K.Pair(new Pair(1, 2).toString());
                        }
                        return Coroutine.of(outer.s());
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] a local record declared in a block that awaits,"
                + " with a name that is also used outside that block").inFile(f).onLine(10);
    }

    @Test
    void multiCatchWhoseBoundIsAnIntersectionAsksToSplitTheClause() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.M", HEADER + """
                class M {
                    interface Marker { }
                    static class A extends Exception implements Marker { }
                    static class B extends Exception implements Marker { }
                    void risky() throws A, B { }
                    @Async Coroutine<String> m() {
                        try {
                            risky();
                        } catch (A | B e) {
                            await(Coroutine.of(1));
                            return Coroutine.of(e.toString());
                        }
                        return Coroutine.of("none");
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[NonDenotableLocal] 'e' lives across an await").inFile(f).onLine(13);
    }

    @Test
    void anonymousCreationWithAwaitingArgumentsOnOneSideOfAConditionalIsReported() {
        JavaFileObject f = JavaFileObjects.forSourceString("t.Q", HEADER + """
                class Q {
                    static class Base { Base(int x) { } }
                    @Async Coroutine<Object> m(boolean c) {
                        Object o = c ? new Base(await(Coroutine.of(1))) { } : await(Coroutine.of("s"));
                        return Coroutine.of(o);
                    }
                }
                """);
        Compilation c = compile(f);
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[UnsupportedConstruct] an anonymous class creation with awaits in its arguments")
                .inFile(f).onLine(8);
    }
}
