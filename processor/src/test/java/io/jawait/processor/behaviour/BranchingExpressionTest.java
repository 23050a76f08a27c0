package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Awaits inside {@code ?:} arms, right operands of {@code &&} / {@code ||} and switch expression
 * arms anywhere in a larger expression (checklist A.2): only the taken side runs, and the value
 * keeps the type the user's expression has (numeric promotion, boxing, target typing).
 * {@link Harness#check} compares every mode with the synchronous twin.
 */
class BranchingExpressionTest {

    @Test
    void conditionalArmsNestedInArgumentsRunOnlyTheTakenArm() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                String f(Object... xs) { return Arrays.toString(xs); }
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 3; i++) {
                        r += f(g(1), i == 0 ? await(v(g(2))) : g(3) + await(v(g(4))),
                                i == 2 ? g(5) : await(v(g(6))), g(7));
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("[1, 2, 6, 7][1, 7, 6, 7][1, 7, 5, 7]", out.get(Mode.PENDING).value());
        assertEquals(List.of("g1", "g2", "g6", "g7", "g1", "g3", "g4", "g6", "g7", "g1", "g3", "g4", "g5", "g7"),
                out.get(Mode.PENDING).trace());
    }

    @Test
    void aConditionalKeepsTheTypeOfTheUsersExpression() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                String show(Object o) { return o + ":" + o.getClass().getSimpleName() + " "; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        boolean c = i == 0;
                        r += show(c ? await(v(1)) : 2L);
                        r += show(c ? 'x' : await(v(2.5)));
                        r += show(c ? await(v((Integer) null)) != null : false);
                        r += "" + (c ? await(v(3)) : 4.0) + " ";
                        long widened = 1 + (c ? await(v(5)) : await(v(6L)));
                        r += widened + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("1:Integer x:Character false:Boolean 3.0 6;2:Long 2.5:Double false:Boolean 4.0 7;",
                out.get(Mode.DONE).value());
    }

    @Test
    void shortCircuitOperandsInsideLargerExpressions() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Boolean> b(boolean x) { log("b" + x); return Coroutine.of(x); }
                String f(boolean a, boolean b) { return a + "/" + b; }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        boolean c = i == 0;
                        r += f(c && await(b(true)) || await(b(false)), !c || (await(b(c)) && await(b(true))));
                        r += ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("true/true;false/true;", out.get(Mode.PENDING).value());
        assertEquals(List.of("btrue", "btrue", "btrue", "bfalse"), out.get(Mode.PENDING).trace());
    }

    @Test
    void patternVariablesFlowThroughShortCircuitsAndConditionals() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> len(String s) { return Coroutine.of(s.length()); }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (Object o : new Object[] {"abc", 7, "z"}) {
                        if (o instanceof String s && await(len(s)) > 2) {
                            r += "long " + s + ";";
                        }
                        if (!(o instanceof String t) || await(len(t)) == 1) {
                            r += "other;";
                            continue;
                        }
                        r += "t=" + t + ";";
                        r += (o instanceof String u ? await(len(u)) + u : "-") + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("long abc;t=abc;3abc;other;other;", out.get(Mode.PENDING).value());
    }

    @Test
    void switchExpressionsInsideLargerExpressions() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                enum Color { RED, GREEN, BLUE }
                String f(Object o) { return String.valueOf(o); }
                @Async Coroutine<String> run() {
                    String r = "";
                    for (Color color : Color.values()) {
                        r += f(1 + switch (color) {
                            case RED -> await(v(10));
                            case GREEN -> {
                                log("green block");
                                yield 20;
                            }
                            case BLUE -> 2L * await(v(15));
                        }) + ";";
                        r += f(switch (color.ordinal()) {
                            case 0, 1 -> 'c';
                            default -> await(v(7));
                        }) + ";";
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("11;c;21;c;31;7;", out.get(Mode.PENDING).value());
        assertEquals(List.of("green block"), out.get(Mode.PENDING).trace());
    }

    @Test
    void bareArrayInitializersWithAwaits() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int g(int i) { log("g" + i); return i; }
                @Async Coroutine<String> run() {
                    int[] a = {g(1), await(v(2)), g(3)};
                    int[][] m = {{g(4)}, {await(v(5)), 6}, {}};
                    Object[] o = {"s", await(v(7L))};
                    return Coroutine.of(Arrays.toString(a) + Arrays.deepToString(m) + Arrays.toString(o));
                }
                """);
        assertEquals("[1, 2, 3][[4], [5, 6], []][s, 7]", out.get(Mode.PENDING).value());
        assertEquals(List.of("g1", "g3", "g4"), out.get(Mode.PENDING).trace());
    }

    @Test
    void aFailingAwaitInATakenArmPropagatesAndTheUntakenArmNeverRuns() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    String r = "";
                    for (int i = 0; i < 2; i++) {
                        try {
                            r += (i == 0 ? await(fail("boom")) : await(v("fine"))) + ";";
                        } catch (IllegalStateException e) {
                            r += e.getMessage() + ";";
                        }
                    }
                    return Coroutine.of(r);
                }
                """);
        assertEquals("boom;fine;", out.get(Mode.PENDING).value());
    }
}
