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
                        """, List.of(NOT_FOUND), List.of()),
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
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
