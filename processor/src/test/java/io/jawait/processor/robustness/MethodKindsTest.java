package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.declarations;
import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors in every kind of {@code @Async} method (static, default, generic, overloaded, in inner,
 * nested, enum, record and generic classes), and in uses of {@code this}, {@code super} and
 * members, which the machine reaches through a qualified outer instance.
 */
class MethodKindsTest {
    private static final String NOT_FOUND = "cannot find symbol";
    private static final String STATIC_CONTEXT = "cannot be referenced from a static context";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("this in a static async method", """
                        @Async static Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + /*!*/this.toString());
                        }
                        """, STATIC_CONTEXT),
                members("super in a static async method", """
                        @Async static Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + /*!*/super.toString());
                        }
                        """, STATIC_CONTEXT),
                members("instance members used by a static async method", """
                        String field;
                        String instance() { return ""; }
                        @Async static Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + /*!*/instance() + /*!*/field);
                        }
                        """, STATIC_CONTEXT, STATIC_CONTEXT),
                members("instance field through the class name", """
                        String field;
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + Broken/*!*/.field);
                        }
                        """, STATIC_CONTEXT),
                members("missing field through this and Outer.this", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + this/*!*/.nope + Broken.this/*!*/.nope2);
                        }
                        """, NOT_FOUND, NOT_FOUND),
                members("missing method of super", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s + super/*!*/.nope());
                        }
                        """, NOT_FOUND),
                members("generic async method with a wrong type variable use", """
                        @Async <T extends CharSequence> Coroutine<T> m(Coroutine<String> c, T t) {
                            T x = await/*!*/(c);
                            await(c);
                            return Coroutine.of(x);
                        }
                        """, "incompatible types"),
                members("two broken overloads", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            await(c);
                            return Coroutine.of(/*!*/nope);
                        }
                        @Async Coroutine<String> m(Coroutine<String> c, int n) {
                            await(c);
                            return Coroutine.of(/*!*/nope2);
                        }
                        """, NOT_FOUND, NOT_FOUND),
                members("private member of a nested class is no error", """
                        static class Other { private static String secret() { return ""; } }
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            await(c);
                            return Coroutine.of(Other.secret());
                        }
                        """),
                declarations("private member of a top-level class", """
                        class Other { private static String secret() { return ""; } }
                        class Broken {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                await(c);
                                return Coroutine.of(Other/*!*/.secret());
                            }
                        }
                        """, "has private access"),
                declarations("default and static async methods of an interface", """
                        interface Broken {
                            @Async default Coroutine<String> m(Coroutine<String> c) {
                                String s = await(c);
                                return Coroutine.of(s + /*!*/nope());
                            }
                            @Async static Coroutine<String> k(Coroutine<String> c) {
                                String s = await(c);
                                int x = /*!*/s;
                                return Coroutine.of(s);
                            }
                        }
                        """, NOT_FOUND, "incompatible types"),
                members("inner and nested classes", """
                        class Inner {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                await(c);
                                return Coroutine.of(/*!*/nope);
                            }
                        }
                        static class Nested {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                String s = await(c);
                                await(c);
                                return Coroutine.of(s/*!*/.nope());
                            }
                        }
                        """, NOT_FOUND, NOT_FOUND),
                declarations("enum and record", """
                        class Broken { }
                        enum Kind {
                            A;
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                await(c);
                                int x = /*!*/"s";
                                return Coroutine.of(name());
                            }
                        }
                        record Pair(String a) {
                            @Async Coroutine<String> m(Coroutine<String> c) {
                                String s = await(c);
                                return Coroutine.of(a + s + /*!*/b);
                            }
                        }
                        """, "incompatible types", NOT_FOUND),
                members("the class's own await method shadows Asyncio.await", """
                        static <T> T await(Supplier<T> s) { return s.get(); }
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = /*!*/await(() -> "x");
                            String t = Asyncio.await(c);
                            return Coroutine.of(s + t);
                        }
                        """, "[UnsupportedConstruct] calling this class's own method await"),
                declarations("generic class", """
                        class Broken<T> {
                            @Async Coroutine<T> m(Coroutine<T> c) {
                                T t = await(c);
                                await(c);
                                String s = /*!*/t;
                                return Coroutine.of(t);
                            }
                        }
                        """, "incompatible types"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
