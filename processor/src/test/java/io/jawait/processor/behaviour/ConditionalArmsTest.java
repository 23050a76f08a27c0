package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Awaits nested inside an arm of {@code ?:} or a right operand of {@code &&} / {@code ||}
 * anywhere in an expression: the untaken arm and a short-circuited operand are never evaluated,
 * everything else keeps Java's left-to-right order (checklist C.2).
 */
class ConditionalArmsTest {

    @Test
    void nestedAwaitsInConditionalArmsInsideALargerExpression() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int g(int i) { log("g" + i); return i; }
                int add(int a, int b) { return a + b; }
                @Async Coroutine<String> run() {
                    int x = 0;
                    for (int i = 0; i < 4; i++) {
                        x += g(10) + (i % 2 == 0 ? add(g(i), await(v(g(100)))) : g(-1) * await(v(2)))
                                + (i > 1 ? 1 : await(v(i)) + await(v(g(7))));
                    }
                    String s = "k" + (x > 0 ? "pos" + await(v(x)) : "neg") + g(5);
                    return Coroutine.of(s);
                }
                """);
        assertEquals(List.of("g10", "g0", "g100", "g7", "g10", "g-1", "g7", "g10", "g2", "g100",
                "g10", "g-1", "g5"), out.get(Mode.PENDING).trace());
    }

    @Test
    void shortCircuitOperandsWithNestedAwaits() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                boolean t(String why) { log(why); return true; }
                boolean f(String why) { log(why); return false; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 3; i++) {
                        boolean a = t("a" + i) && (await(v(i)) > 0 || f("b" + i) && await(v(true)));
                        boolean b = f("c" + i) || !(await(v(i)) == 1 && t("d" + i));
                        int n = (i == 0 || await(v(i)) + 1 > 2 ? 1 : 0) + (f("e") && await(v(true)) ? 10 : 20);
                        r += a + " " + b + " " + n + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("false true 21;true false 20;true true 21;", out.get(Mode.DONE).value());
    }

    @Test
    void nestedConditionalsAndAwaitsInsideAwaitedArms() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<Integer> twice(int x) { log("twice" + x); return Coroutine.of(2 * await(v(x))); }
                @Async Coroutine<String> run() {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < 4; i++) {
                        int y = i < 2 ? (i == 0 ? await(twice(await(v(g(3))))) : g(1) + await(v(4))) :
                                (i == 2 ? g(2) : await(twice(i > 2 ? await(v(5)) : g(6))) + 1);
                        sb.append(y).append(i % 2 == 0 ? await(v("|")) : ",");
                    }
                    return Coroutine.of(sb.toString());
                }
                """);
        assertEquals("6|5,2|11,", out.get(Mode.DONE).value());
    }

    @Test
    void failureInsideAnArmPropagatesAndCanBeCaught() {
        Harness.check("""
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        try {
                            r += g(i) + (i == 1 ? g(5) + await(this.<Integer>fail("arm" + i)) : await(v(1)) * g(2));
                        } catch (IllegalStateException e) {
                            r += "caught " + e.getMessage();
                        }
                    }
                    return Coroutine.of(r + (r.isEmpty() && await(v(true))));
                }
                """);
    }

    @Test
    void aNullArmTakesTheTypeOfTheAwaitingArm() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        String s = i == 0 ? await(v("a")) : null;
                        String t = "x" + (i == 0 ? null : await(v("b")));
                        Integer n = i > 0 ? (i > 1 ? null : await(v(7))) : await(v(i == 0 ? 5 : 6));
                        r += s + t + n.intValue() + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("axnull5;nullxb7;", out.get(Mode.DONE).value());
    }

    @Test
    void aNullArmNextToAnArmWithNestedAwaits() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        String s = i == 0 ? "p" + await(v("a")) : null;
                        r += s + (i == 0 ? null : (i > 0 ? "q" + await(v("b")) : await(v("c"))));
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("panullnullqb", out.get(Mode.DONE).value());
    }
}
