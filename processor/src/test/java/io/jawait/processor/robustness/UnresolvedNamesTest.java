package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.declarations;
import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Names that do not resolve, before, after, inside and around awaits: javac's error, once, at the name. */
class UnresolvedNamesTest {
    private static final String NOT_FOUND = "cannot find symbol";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("variable before an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            int x = /*!*/undefined;
                            String s = await(c);
                            return Coroutine.of(s + x);
                        }
                        """, NOT_FOUND),
                members("variable after an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            int x = /*!*/undefined;
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND),
                members("variable as the awaited argument", """
                        @Async Coroutine<String> m() {
                            String s = await(/*!*/missing);
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND),
                members("method producing the awaited value", """
                        @Async Coroutine<String> m() {
                            String s = await(/*!*/produce(1));
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND),
                members("var initializer of a local live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            var x = /*!*/undefinedCall();
                            await(c);
                            return Coroutine.of("" + x);
                        }
                        """, NOT_FOUND),
                members("type of a local not live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            /*!*/Unknown x = null;
                            System.out.println(x);
                            return Coroutine.of(await(c));
                        }
                        """, NOT_FOUND),
                members("type in a cast of an awaited value", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            Object o = (/*!*/Nope) await(c);
                            return Coroutine.of("" + o);
                        }
                        """, NOT_FOUND),
                members("class instantiated before an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            Object o = new /*!*/Nope();
                            await(c);
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("exception type of a catch around an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            try {
                                return Coroutine.of(await(c));
                            } catch (/*!*/NopeException e) {
                                return Coroutine.of("failed");
                            }
                        }
                        """, NOT_FOUND),
                members("field of this after an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + this/*!*/.nope);
                        }
                        """, NOT_FOUND),
                members("variable in a return expression after awaits", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            await(c);
                            return Coroutine.of(s + /*!*/y);
                        }
                        """, NOT_FOUND),
                members("method in a lambda of an async body", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            Runnable r = () -> /*!*/nope();
                            String s = await(c);
                            r.run();
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND),
                members("async method called with a missing name", """
                        @Async Coroutine<String> other() { return Coroutine.of("x"); }
                        @Async Coroutine<String> m() {
                            String s = await(other()) + await(/*!*/others());
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND),
                declarations("import of a missing class", """
                        import java.util.concurrent/*!*/.Nope;
                        class Broken {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                return Coroutine.of(await(c));
                            }
                        }
                        """, NOT_FOUND),
                declarations("static import of a missing member", """
                        /*!*/import static java.lang.Math.nope;
                        class Broken {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                return Coroutine.of(await(c));
                            }
                        }
                        """, "cannot find symbol"),
                new BrokenCase("missing import of Async", """
                        package robust;
                        import io.jawait.Coroutine;
                        import static io.jawait.Asyncio.*;
                        class Broken {
                            @/*!*/Async Coroutine<String> m(Coroutine<String> c) {
                                return Coroutine.of(await(c));
                            }
                        }
                        """, List.of(NOT_FOUND), List.of()),
                new BrokenCase("missing static import of await", """
                        package robust;
                        import io.jawait.Coroutine;
                        import io.jawait.annotation.Async;
                        class Broken {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                String s = /*!*/await(c);
                                return Coroutine.of(s);
                            }
                        }
                        """, List.of(NOT_FOUND), List.of()),
                new BrokenCase("missing import of Coroutine", """
                        package robust;
                        import io.jawait.annotation.Async;
                        import static io.jawait.Asyncio.*;
                        class Broken {
                            @Async /*!*/Coroutine<String> m(io.jawait.Coroutine<String> c) {
                                String s = await(c);
                                return null;
                            }
                        }
                        """, List.of(NOT_FOUND), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
