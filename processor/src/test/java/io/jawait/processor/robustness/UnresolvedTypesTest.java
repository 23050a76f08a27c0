package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.declarations;
import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Missing types in the declarations the machine repeats as its own (parameters, result, locals
 * that live across an await, whatever their kind): such a method is left as written, so javac
 * reports the type once, at the user's declaration, and still checks everything else.
 */
class UnresolvedTypesTest {
    private static final String NOT_FOUND = "cannot find symbol";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("type of a local live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            /*!*/Unknown x = null;
                            await(c);
                            return Coroutine.of("" + x);
                        }
                        """, NOT_FOUND),
                members("type argument of a local live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            List</*!*/Unknown> xs = new ArrayList<>();
                            await(c);
                            return Coroutine.of("" + xs);
                        }
                        """, NOT_FOUND),
                members("type of a local live across an await, and an error elsewhere", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            /*!*/Unknown x = null;
                            await(c);
                            return Coroutine.of("" + x);
                        }
                        void plain() { String s = /*!*/1; }
                        """, NOT_FOUND, "incompatible types"),
                members("type of a catch parameter live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            try {
                                return Coroutine.of(await(c));
                            } catch (/*!*/NopeException e) {
                                await(c);
                                return Coroutine.of(e.getMessage());
                            }
                        }
                        """, NOT_FOUND),
                members("type argument of the result", """
                        @Async Coroutine</*!*/Unknown> m(Coroutine<String> c) {
                            await(c);
                            return Coroutine.of(null);
                        }
                        """, NOT_FOUND),
                members("type of a pattern binding live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c, Object o) {
                            if (o instanceof /*!*/Nope n) {
                                await(c);
                                return Coroutine.of("" + n);
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("type of a for-each variable live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c, List<String> list) {
                            for (/*!*/Nope n : list) {
                                await(c);
                                System.out.println(n);
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("type of a resource live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            try (/*!*/Nope r = null) {
                                await(c);
                                System.out.println(r);
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("array of a missing type live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            /*!*/Nope[] all = null;
                            await(c);
                            return Coroutine.of("" + all);
                        }
                        """, NOT_FOUND),
                members("var of a missing generic class live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            var x = new /*!*/Nope<String>();
                            await(c);
                            return Coroutine.of("" + x);
                        }
                        """, NOT_FOUND),
                members("explicit lambda parameter of a missing type", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            Function</*!*/Nope, String> f = (/*!*/Nope p) -> "";
                            await(c);
                            return Coroutine.of("" + f);
                        }
                        """, NOT_FOUND, NOT_FOUND),
                declarations("missing class used by an async method", """
                        class Broken {
                            @Async Coroutine<String> m(/*!*/Missing c) {
                                return Coroutine.of(await(c));
                            }
                        }
                        """, NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheMissingTypeOnceAtTheDeclaration(BrokenCase c) {
        BrokenSources.check(c);
    }
}
