package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong types, arguments and results around awaits: javac's error, once, where javac puts it. */
class TypeErrorsTest {
    private static final String INCOMPATIBLE = "incompatible types";
    private static final String HELPERS = """
            Coroutine<String> echo(String s) { return Coroutine.of(s); }
            Coroutine<Integer> number() { return Coroutine.of(1); }
            Coroutine<List<Integer>> numbers() { return Coroutine.of(List.of(1)); }
            """;

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("awaited String assigned to an int", HELPERS + """
                        @Async Coroutine<String> m() {
                            int x = await/*!*/(echo("a"));
                            return Coroutine.of("" + x);
                        }
                        """, INCOMPATIBLE),
                members("int literal assigned to a String after an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            String a = await(echo("a"));
                            String s = /*!*/1;
                            return Coroutine.of(a + s);
                        }
                        """, INCOMPATIBLE),
                members("awaited Integer assigned to a String local live across an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await/*!*/(number());
                            await(echo("b"));
                            return Coroutine.of(s);
                        }
                        """, INCOMPATIBLE),
                members("plain value returned instead of a Coroutine", HELPERS + """
                        @Async Coroutine<Integer> m() {
                            await(echo("a"));
                            return /*!*/5;
                        }
                        """, INCOMPATIBLE),
                members("Coroutine of the wrong type returned", HELPERS + """
                        @Async Coroutine<Integer> m() {
                            String s = await(echo("a"));
                            return Coroutine.of/*!*/(s);
                        }
                        """, INCOMPATIBLE),
                members("return without a value", HELPERS + """
                        @Async Coroutine<Void> m() {
                            await(echo("a"));
                            /*!*/return;
                        }
                        """, "missing return value"),
                members("coroutine used as its value without await", HELPERS + """
                        @Async Coroutine<String> m() {
                            await(echo("a"));
                            String s = echo/*!*/("b");
                            return Coroutine.of(s);
                        }
                        """, INCOMPATIBLE),
                members("wrong argument count in an awaited call", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await(/*!*/echo("a", "b"));
                            return Coroutine.of(s);
                        }
                        """, "cannot be applied to given types"),
                members("wrong argument type in an awaited call", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await(echo(/*!*/5));
                            return Coroutine.of(s);
                        }
                        """, "incompatible types: int cannot be converted to java.lang.String"),
                members("await on an int after an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await(echo("a"));
                            /*!*/await(5);
                            return Coroutine.of(s);
                        }
                        """, "no suitable method found for await"),
                members("generic mismatch of an awaited list", HELPERS + """
                        @Async Coroutine<String> m() {
                            List<String> xs = await/*!*/(numbers());
                            await(echo("a"));
                            return Coroutine.of(xs.get(0));
                        }
                        """, INCOMPATIBLE),
                members("generic mismatch of a Coroutine local", HELPERS + """
                        @Async Coroutine<String> m() {
                            Coroutine<String> other = number/*!*/();
                            return Coroutine.of(await(other));
                        }
                        """, INCOMPATIBLE),
                members("awaited String as an if condition", HELPERS + """
                        @Async Coroutine<String> m() {
                            if (await/*!*/(echo("a"))) {
                                return Coroutine.of("yes");
                            }
                            return Coroutine.of("no");
                        }
                        """, INCOMPATIBLE),
                members("wrong type in a lambda of an async body", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await(echo("a"));
                            Supplier<Integer> f = () -> /*!*/s;
                            return Coroutine.of(s + f.get());
                        }
                        """, "bad return type in lambda expression"),
                members("var without initializer live across an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            var /*!*/x;
                            x = 1;
                            await(echo("a"));
                            return Coroutine.of("" + x);
                        }
                        """, "cannot infer type for local variable x"),
                members("var initialized with null live across an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            var /*!*/x = null;
                            await(echo("a"));
                            return Coroutine.of("" + x);
                        }
                        """, "cannot infer type for local variable x"),
                members("var initialized with a lambda live across an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            var /*!*/x = () -> 1;
                            await(echo("a"));
                            return Coroutine.of("" + x);
                        }
                        """, "cannot infer type for local variable x"),
                members("explicit type arguments that do not fit, before an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            List<String> xs = Collections.<Integer>emptyList/*!*/();
                            await(echo("a"));
                            return Coroutine.of("" + xs);
                        }
                        """, INCOMPATIBLE),
                members("async method called with a wrong argument", HELPERS + """
                        @Async Coroutine<String> other(int n) { return Coroutine.of("" + n); }
                        @Async Coroutine<String> m() {
                            return Coroutine.of(await(other(/*!*/"x")));
                        }
                        """, "incompatible types: java.lang.String cannot be converted to int"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
