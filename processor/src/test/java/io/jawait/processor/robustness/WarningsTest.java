package io.jawait.processor.robustness;

import static io.jawait.processor.robustness.BrokenCase.members;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With every lint enabled, the user's warnings are javac's own, once each, at the user's code
 * (the machine repeats the user's expressions, and must not repeat their warnings), with and
 * without errors beside them.
 */
class WarningsTest {

    static Stream<BrokenCase> cases() {
        return Stream.of(
                members("raw and unchecked use of a local live across an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            List raw = new ArrayList();
                            raw.add(await(c));
                            await(c);
                            return Coroutine.of("" + raw);
                        }
                        """),
                members("redundant casts around awaits", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            String s = (String) await(c);
                            int x = (int) 5;
                            await(c);
                            return Coroutine.of(s + x);
                        }
                        """),
                members("deprecated call after an await", """
                        @Deprecated static String old() { return ""; }
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            await(c);
                            Date d = new Date(2020, 1, 1);
                            return Coroutine.of(old() + d);
                        }
                        """),
                members("fall-through in a switch that awaits", """
                        @Async Coroutine<String> m(Coroutine<String> c, int n) {
                            String s = "";
                            switch (n) {
                                case 1: s = await(c);
                                case 2: s += "2"; break;
                                default: break;
                            }
                            return Coroutine.of(s);
                        }
                        """),
                members("empty statement and division by zero after awaits", """
                        @Async Coroutine<String> m(Coroutine<String> c, int n) {
                            await(c);
                            if (n > 0);
                            int k = n / 0;
                            await(c);
                            return Coroutine.of("" + k);
                        }
                        """),
                members("finally that cannot complete normally around an await", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            try {
                                await(c);
                            } finally {
                                return Coroutine.of("f");
                            }
                        }
                        """),
                members("warnings next to an error", """
                        @Async Coroutine<String> m(Coroutine<String> c) {
                            List raw = new ArrayList();
                            raw.add(await(c));
                            String s = (String) await(c);
                            int x = /*!*/s;
                            return Coroutine.of("" + raw + x);
                        }
                        """, "incompatible types")).map(BrokenCase::linted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheUsersWarningsOnceAtTheirPositions(BrokenCase c) {
        BrokenSources.check(c);
    }
}
