package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One user error inside each part of a statement that awaits (conditions, arms, loop headers and
 * bodies, switch cases, try, catch, finally, resources): these are the statements the machine
 * splits into states, so a copy of the error could surface at a synthesized position.
 */
class ErrorsInAwaitingStatementsTest {
    private static final String NOT_FOUND = "cannot find symbol";
    private static final String INCOMPATIBLE = "incompatible types";
    private static final String M = "@Async Coroutine<String> m(Coroutine<String> c, int n) {\n";

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("condition of an if whose arm awaits", M + """
                            if (/*!*/nope) { await(c); }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("then arm that awaits", M + """
                            if (n > 0) { await(c); int x = /*!*/"s"; }
                            return Coroutine.of("");
                        }
                        """, INCOMPATIBLE),
                members("else arm after a then arm that awaits", M + """
                            if (n > 0) { await(c); } else { /*!*/nope(); }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("while condition of a loop that awaits", M + """
                            while (n /*!*/< "x") { await(c); }
                            return Coroutine.of("");
                        }
                        """, "bad operand types"),
                members("while body after its await", M + """
                            while (n-- > 0) { String s = await(c); int k = s/*!*/.size(); }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("do body before its await", M + """
                            do { /*!*/nope(); await(c); } while (n-- > 0);
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("for update of a loop that awaits", M + """
                            for (int i = 0; i < n; /*!*/j++) { await(c); }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("for-each variable type over a list, body awaits", M + """
                            for (Integer s : List.of/*!*/("a")) { await(c); }
                            return Coroutine.of("");
                        }
                        """, INCOMPATIBLE),
                members("switch selector of a switch that awaits", M + """
                            switch (/*!*/nope) { case 1: await(c); break; default: break; }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("case label of the wrong type in a switch that awaits", M + """
                            switch (n) { case /*!*/"one": await(c); break; default: break; }
                            return Coroutine.of("");
                        }
                        """, INCOMPATIBLE),
                members("case body after its await", M + """
                            switch (n) { case 1: await(c); String s = /*!*/2; break; default: break; }
                            return Coroutine.of("");
                        }
                        """, INCOMPATIBLE),
                members("arrow case of a switch statement that awaits", M + """
                            switch (n) {
                                case 1 -> await(c);
                                default -> /*!*/nope();
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("arm of a switch expression that awaits", M + """
                            String s = switch (n) {
                                case 1 -> await(c);
                                default -> /*!*/nope;
                            };
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND),
                members("try body after its await", M + """
                            try { await(c); /*!*/nope(); } catch (RuntimeException e) { }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("catch body that awaits", M + """
                            try { await(c); } catch (RuntimeException e) { await(c); e/*!*/.nope(); }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("finally body that awaits", M + """
                            try { await(c); } finally { await(c); int x = /*!*/"s"; }
                            return Coroutine.of("");
                        }
                        """, INCOMPATIBLE),
                members("finally after a return that awaits", M + """
                            try { return Coroutine.of(await(c)); } finally { /*!*/nope(); }
                        }
                        """, NOT_FOUND),
                members("nested try whose inner catch awaits", M + """
                            try {
                                try { await(c); } catch (IllegalStateException e) { await(c); }
                                /*!*/nope();
                            } catch (RuntimeException e) {
                                await(c);
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("labeled break target misspelled inside a loop that awaits", M + """
                            outer:
                            for (int i = 0; i < n; i++) {
                                while (true) { await(c); /*!*/break outr; }
                            }
                            return Coroutine.of("");
                        }
                        """, "undefined label: outr"),
                members("lambda body inside an arm that awaits", M + """
                            if (n > 0) {
                                await(c);
                                Function<String, Integer> f = s -> s/*!*/.size();
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("anonymous class inside a loop that awaits", M + """
                            while (n-- > 0) {
                                await(c);
                                Runnable r = new Runnable() { public void run() { /*!*/nope(); } };
                            }
                            return Coroutine.of("");
                        }
                        """, NOT_FOUND),
                members("local live across awaits in two arms, wrong type later", M + """
                            String s = "";
                            if (n > 0) { s = await(c); } else { s = await(c) + "!"; }
                            int k = /*!*/s;
                            return Coroutine.of(s + k);
                        }
                        """, INCOMPATIBLE),
                members("ternary around an await", M + """
                            String s = n > 0 ? await(c) : /*!*/nope;
                            return Coroutine.of(s);
                        }
                        """, NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersErrorOnceAtItsPosition(BrokenCase c) {
        BrokenSources.check(c);
    }
}
