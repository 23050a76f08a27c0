package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor's own errors about code it cannot compile (a local whose type cannot be written,
 * a construct not supported yet), alone and next to ordinary errors: each once, at the user's
 * construct, never as an internal error. In a method javac finds an error in, javac's error
 * comes first (the method stays as written).
 */
class ProcessorErrorsTest {
    private static final String NON_DENOTABLE = "[NonDenotableLocal]";
    private static final String UNSUPPORTED = "[UnsupportedConstruct]";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("intersection-typed var live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            var /*!*/x = (Runnable & Serializable) () -> { };
                            await(c);
                            return Coroutine.of("" + x);
                        }
                        """, NON_DENOTABLE),
                members("anonymous-class var live across an await, and a javac error in another method", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            var /*!*/x = new Object() { int n; };
                            await(c);
                            return Coroutine.of("" + x.n);
                        }
                        @Async Coroutine<String> k(Coroutine<String> c) {
                            await(c);
                            return Coroutine.of("" + undefined);
                        }
                        """, NON_DENOTABLE),
                // javac's error first: a method with one stays as written (fixed, the other shows)
                members("anonymous-class var live across an await, and a javac error in the same method", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            var x = new Object() { int n; };
                            await(c);
                            return Coroutine.of("" + x.n + /*!*/undefined);
                        }
                        """, "cannot find symbol"),
                members("an awaiting block arm of a nested switch expression, and a type error in another method", """
                        @Async Coroutine<String> m(Coroutine<String> c, int k) {
                            String s = "" + switch (k) {
                                case 1 -> {
                                    String v = /*!*/await(c);
                                    yield v;
                                }
                                default -> "";
                            };
                            return Coroutine.of(s);
                        }
                        @Async Coroutine<String> k(Coroutine<String> c) {
                            int x = await(c);
                            return Coroutine.of("");
                        }
                        """, UNSUPPORTED),
                members("unsupported construct and a forbidden await in two methods", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            var /*!*/x = (Runnable & Serializable) () -> { };
                            await(c);
                            return Coroutine.of("" + x);
                        }
                        @Async Coroutine<String> k(Coroutine<String> c) {
                            Runnable r = () -> /*!*/await(c);
                            return Coroutine.of(await(c));
                        }
                        """, NON_DENOTABLE, "[AwaitInLambda]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheProcessorsErrorOnceAtTheConstruct(BrokenCase c) {
        BrokenSources.check(c);
    }
}
