package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken sources around awaits, where the machine repeats the user's code: the user sees javac's
 * error once, at their own line and column, never a second one from the machine. Once known bugs
 * (the machine reported them again, in its own words or at another position); a method whose body
 * javac finds an error in is now left as written ({@code TwinErrors}).
 */
class KnownLoweringBugsTest {
    private static final String HELPERS = """
            int field;
            int[] cells = new int[1];
            Coroutine<String> echo(String s) { return Coroutine.of(s); }
            Coroutine<Integer> number() { return Coroutine.of(1); }
            String take(String s) { return s; }
            """;

    /**
     * An expression around an await is rebuilt as text over a synthesized {@code value$N} /
     * {@code tmp$N}, so the machine would have javac check the user's expression a second time
     * (the rebuilt nodes take the user's positions, and javac reports one error per position).
     */
    static Stream<BrokenCase> expressionsAroundAwaits() {
        return Stream.of(
                members("method called on an await's result", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            await(c)/*!*/.nope();
                            return Coroutine.of("");
                        }
                        """, "cannot find symbol"),
                members("method on an await's result in a larger expression", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = "<" + await(c)/*!*/.nope() + ">";
                            return Coroutine.of(s);
                        }
                        """, "cannot find symbol"),
                members("missing method with an await as its argument", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = await(c);
                            return Coroutine.of(s/*!*/.nope(await(c)));
                        }
                        """, "cannot find symbol"),
                members("wrong argument count on an await's result", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            int n = await(c)/*!*/.length(1);
                            return Coroutine.of("" + n);
                        }
                        """, "cannot be applied to given types"),
                members("bad operand next to an await", HELPERS + """
                        @Async Coroutine<String> m() {
                            int x = await(echo("a")) /*!*/* 2;
                            return Coroutine.of("" + x);
                        }
                        """, "bad operand types for binary operator"),
                members("bad unary operand on an await", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            boolean b = /*!*/!await(c);
                            return Coroutine.of("" + b);
                        }
                        """, "bad operand type"),
                members("comparison with an await in a while condition", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            while (await(c) /*!*/== 1) { }
                            return Coroutine.of("");
                        }
                        """, "bad operand types for binary operator"),
                members("compound assignment of an await of the wrong type", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            int x = 0;
                            x += await/*!*/(c);
                            return Coroutine.of("" + x);
                        }
                        """, "incompatible types"),
                members("await of the wrong type assigned to a field", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            this.field = await/*!*/(c);
                            return Coroutine.of("");
                        }
                        """, "incompatible types"),
                members("await of the wrong type assigned to an array element", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            cells[0] = await/*!*/(c);
                            return Coroutine.of("");
                        }
                        """, "incompatible types"),
                members("await of the wrong type as an array index", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            int n = cells[await/*!*/(c)];
                            return Coroutine.of("" + n);
                        }
                        """, "incompatible types"),
                members("assignment of a missing method on an await's result", HELPERS + """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = "";
                            s = await(c)/*!*/.nope();
                            return Coroutine.of(s);
                        }
                        """, "cannot find symbol"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressionsAroundAwaits")
    void expressionAroundAnAwaitIsReportedOnce(BrokenCase c) {
        BrokenSources.check(c);
    }

    /**
     * An awaited value of the wrong type passed as an argument (the machine's call would be
     * inferred against the lambda parameter's type, and javac would word and place its error
     * differently), and on JDK 25 a missing name inside nested awaits.
     */
    static Stream<BrokenCase> argumentsAroundAwaits() {
        return Stream.of(
                members("missing variable in the innermost of nested awaits (JDK 25)", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await(echo(await(echo(/*!*/missing))));
                            return Coroutine.of(s);
                        }
                        """, "cannot find symbol"),
                members("await of the wrong type as an argument", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = /*!*/take(await(number()));
                            return Coroutine.of(s);
                        }
                        """, "incompatible types"),
                members("await as a wrong argument of an awaited call", HELPERS + """
                        @Async Coroutine<String> m() {
                            String s = await(/*!*/echo(await(number())));
                            return Coroutine.of(s);
                        }
                        """, "inference variable T has incompatible bounds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("argumentsAroundAwaits")
    void argumentAroundAnAwaitIsReportedOnce(BrokenCase c) {
        BrokenSources.check(c);
    }

    @Test
    void duplicateCaseLabel() {
        BrokenSources.check(members("duplicate case label in a switch that awaits", """
                @Async Coroutine<String> m(Coroutine<String> c, String k) {
                    switch (k) { case "a": await(c); break; /*!*/case "a": break; }
                    return Coroutine.of("");
                }
                """, "duplicate case label"));
    }

    @Test
    void awaitOnString() {
        BrokenSources.check(members("await on a String", """
                @Async Coroutine<String> m() {
                    String s = /*!*/await("text");
                    return Coroutine.of(s);
                }
                """, "no suitable method found for await"));
    }

    @Test
    void awaitedValueReturnedInsteadOfCoroutine() {
        BrokenSources.check(members("awaited value returned instead of a Coroutine", HELPERS + """
                @Async Coroutine<String> m() {
                    return await/*!*/(echo("a"));
                }
                """, "incompatible types"));
    }

    @Test
    void forEachOverNonIterable() {
        BrokenSources.check(members("for-each over a non-iterable, body awaits", """
                @Async Coroutine<String> m(Coroutine<String> c, int n) {
                    for (String s : /*!*/n) { await(c); }
                    return Coroutine.of("");
                }
                """, "for-each not applicable to expression type"));
    }

    @Test
    void resourceNotAutoCloseable() {
        BrokenSources.check(members("resource that is not AutoCloseable, body awaits", """
                @Async Coroutine<String> m(Coroutine<String> c) {
                    try (String /*!*/r = "x") { await(c); }
                    return Coroutine.of("");
                }
                """, "try-with-resources not applicable to variable type"));
    }

    @Test
    void errorInABodyDeclaringAClass() {
        BrokenSources.check(members("for-each over a non-iterable in a body with an anonymous class", """
                @Async Coroutine<String> m(Coroutine<String> c, int n) {
                    Runnable r = new Runnable() { public void run() { } };
                    for (String s : /*!*/n) { await(c); }
                    r.run();
                    return Coroutine.of("");
                }
                """, "for-each not applicable to expression type"));
    }

    /**
     * The copy javac checks first declares its own {@code Local}: the type it infers for the inner
     * call, cached by position, must not be taken for the original's.
     */
    @Test
    void localClassInACheckedBodyStaysItsOwn() {
        BrokenSources.check(members("local class as a generic method's argument", """
                @Async Coroutine<String> m(Coroutine<String> c) {
                    String s = await(c);
                    String o;
                    {
                        class Local { String v() { return "L"; } }
                        o = Objects.requireNonNull(Objects.requireNonNull(new Local())).v();
                    }
                    return Coroutine.of(s + o);
                }
                """));
    }
}
