package io.jawait.processor.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bugs the compiler fuzzer found, each kept as a named scenario (three modes, against the twin). */
class FuzzRegressionTest {

    /**
     * Fuzzer seed 20261198: {@code double v1 = await(intValue)} cast the Integer to Double
     * (ClassCastException) where Java unboxes and widens.
     */
    @Test
    void awaitedValueIsUnboxedAndWidenedIntoAPrimitiveTarget() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<String> run() {
                    long l = await(v(2));
                    double d = await(v(3));
                    float f = await(v('a'));
                    int c = await(v('b'));
                    await(v(0));
                    long again = 0;
                    again = await(v(5));
                    double sum = 0;
                    for (double x : new int[] {1, 2}) {
                        sum += x + await(v(1));
                    }
                    return Coroutine.of(l + " " + d + " " + f + " " + c + " " + again + " " + sum);
                }
                """);
        assertEquals("2 3.0 97.0 98 5 5.0", out.get(Mode.DONE).value());
    }

    /** A primitive field assigned from an await also unboxes and widens. */
    @Test
    void awaitedValueIntoAPrimitiveFieldOfTheOuterClass() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                private long total;
                @Async Coroutine<Long> run() {
                    total = await(v(7));
                    await(v(0));
                    return Coroutine.of(total);
                }
                """);
        assertEquals(7L, out.get(Mode.PENDING).value());
    }

    /**
     * Fuzz seed 20261317: {@code v1 += f(v1++, await(a), await(b), v1++)} restored {@code v1} to
     * its value before the statement ahead of evaluating the last {@code v1++}, which then read
     * the stale value; the right operand is now evaluated whole before {@code v1} is restored.
     */
    @Test
    void compoundAssignmentWhoseRightOperandChangesTheTarget() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                int f(int... xs) { log(Arrays.toString(xs)); return xs.length; }
                @Async Coroutine<Integer> run() {
                    int v = 10;
                    v += f(v++, await(v(v)), await(v(v)), v++);
                    int w = 1;
                    w *= (w = 5) + await(v(w));
                    return Coroutine.of(v * 1000 + w);
                }
                """);
        assertEquals(14010, out.get(Mode.PENDING).value());
        assertEquals(List.of("[10, 11, 11, 11]"), out.get(Mode.PENDING).trace());
    }

    /**
     * Fuzz seeds 9024 and 9117: a local assigned from a switch expression whose arms await
     * ({@code v = switch (k) { ... -> await(a); }}) stayed a local of one state, and the arms'
     * states could not see it ("cannot find symbol" in the machine).
     */
    @Test
    void localAssignedFromAnAwaitingSwitchExpression() {
        Map<Mode, Harness.Outcome> out = Harness.check("""
                @Async Coroutine<Integer> run() {
                    int total = 0;
                    for (int i = 0; i < 3; i++) {
                        int v = 3;   // dead after the switch: nothing else made it a field
                        v = switch (Math.floorMod(await(v(i)), 3)) {
                            case 0 -> 2;
                            case 1 -> await(v(10));
                            default -> log2(100);
                        };
                    }
                    return Coroutine.of(total);
                }
                int log2(int x) {
                    log(x);
                    return x;
                }
                """);
        assertEquals(List.of("100"), out.get(Mode.PENDING).trace());
    }
}
